package org.edgebatch.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link EdgeBatchTables} initialises the database, so the job repository and everything else
 * that uses the database is made after the migrations.
 */
public class EdgeBatchTablesDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(EdgeBatchTables.class);
    }
}
