package org.edgebatch.cli;

import org.edgebatch.partition.EmbeddedPartitioningConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring Boot application the job commands start: Boot's DataSource and Spring Batch JDBC, plus embedded mode. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EmbeddedPartitioningConfiguration.class)
class JobApplication {
}
