package org.edgebatch.samples.scan;

import javax.sql.DataSource;
import org.edgebatch.batch.item.DetectItemProcessorBuilder;
import org.edgebatch.batch.item.JdbcDetectionItemWriterBuilder;
import org.edgebatch.batch.item.VideoFrameItemReaderBuilder;
import org.edgebatch.batch.partition.LocalityPartitionerBuilder;
import org.edgebatch.detect.Detector;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.GatedFrame;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The scan: one partition per video under every node's folder, each a restartable chunk step from the builders. */
@Configuration(proxyBeanMethods = false)
public class ScanJobConfiguration {

    @Bean
    Step scanFile(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                  Detector detector, ScanProperties properties) {
        return new StepBuilder("scanFile", jobRepository).<GatedFrame, FrameDetections>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(new VideoFrameItemReaderBuilder().name("frames").partitionFile().scaledFor(detector.model().input()).build())
                .processor(new DetectItemProcessorBuilder().detector(detector).build())
                .writer(new JdbcDetectionItemWriterBuilder().dataSource(dataSource).build())
                .build();
    }

    @Bean
    Job scan(JobRepository jobRepository, Step scanFile, ScanProperties properties) {
        LocalityPartitionerBuilder partitioner = new LocalityPartitionerBuilder();
        properties.folders().forEach((node, folder) -> partitioner.node(node, folder));
        Step scanFolders = new StepBuilder("scanFolders", jobRepository).partitioner("scanFile", partitioner.build())
                .step(scanFile).build();
        return new JobBuilder("scan", jobRepository).incrementer(new RunIdIncrementer()).start(scanFolders).build();
    }
}
