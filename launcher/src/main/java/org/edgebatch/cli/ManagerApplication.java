package org.edgebatch.cli;

import org.edgebatch.partition.manager.DistributedManagerConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring Boot application of a distributed run's manager: Boot's DataSource plus distributed mode's manager side. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DistributedManagerConfiguration.class)
class ManagerApplication {
}
