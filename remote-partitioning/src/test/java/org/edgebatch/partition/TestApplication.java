package org.edgebatch.partition;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The application the job tests start: Boot's auto-configuration (H2, Spring Batch JDBC) plus embedded mode. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(EmbeddedPartitioningConfiguration.class)
class TestApplication {
}
