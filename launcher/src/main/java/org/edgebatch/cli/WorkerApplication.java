package org.edgebatch.cli;

import org.edgebatch.partition.worker.DistributedWorkerConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring Boot application of a worker process: Boot's DataSource plus distributed mode's worker side. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DistributedWorkerConfiguration.class)
class WorkerApplication {
}
