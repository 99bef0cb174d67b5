package org.edgebatch.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults {@code spring.batch.jdbc.initialize-schema} to {@code never} while EdgeBatch makes the tables: its
 * migrations include Spring Batch's, and Spring Batch's script would make them a second time. An application's own
 * setting wins (this source comes last).
 */
public class BatchSchemaDefaults implements EnvironmentPostProcessor {

    static final String INITIALIZE_SCHEMA = "spring.batch.jdbc.initialize-schema";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("edgebatch.tables.initialize", Boolean.class, true)) {
            environment.getPropertySources().addLast(new MapPropertySource("edgebatchBatchSchemaDefaults",
                    Map.of(INITIALIZE_SCHEMA, "never")));
        }
    }
}
