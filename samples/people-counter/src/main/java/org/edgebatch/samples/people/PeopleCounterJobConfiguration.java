package org.edgebatch.samples.people;

import javax.sql.DataSource;
import org.edgebatch.batch.events.EventStepBuilder;
import org.edgebatch.batch.item.DetectItemProcessorBuilder;
import org.edgebatch.batch.item.JdbcDetectionItemWriterBuilder;
import org.edgebatch.batch.item.VideoFrameItemReaderBuilder;
import org.edgebatch.batch.partition.LocalityPartitionerBuilder;
import org.edgebatch.batch.partition.VideoFilePartitioner;
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

/**
 * The job, only from EdgeBatch's builders and Spring Batch's: detect people in every video (one partition per file),
 * merge the detections into person events, then count them per camera and hour.
 */
@Configuration(proxyBeanMethods = false)
public class PeopleCounterJobConfiguration {

    @Bean
    VideoFilePartitioner footagePartitioner(PeopleCounterProperties properties) {
        return new LocalityPartitionerBuilder().node("local", properties.footage()).build();
    }

    @Bean
    Step detectFrames(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                      Detector detector, PeopleCounterProperties properties) {
        return new StepBuilder("detectFrames", jobRepository)
                .<GatedFrame, FrameDetections>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(new VideoFrameItemReaderBuilder().name("frames").partitionFile()
                        .everyNthFrame(properties.everyNthFrame()).scaledFor(detector.model().input()).build())
                .processor(new DetectItemProcessorBuilder().detector(detector).build())
                .writer(new JdbcDetectionItemWriterBuilder().dataSource(dataSource).build())
                .build();
    }

    @Bean
    Job peopleCounter(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                      VideoFilePartitioner partitioner, Step detectFrames, PeopleCounterProperties properties) {
        Step detect = new StepBuilder("detect", jobRepository).partitioner("detectFrames", partitioner).step(detectFrames).build();
        Step events = new EventStepBuilder("personEvents", jobRepository).transactionManager(transactionManager)
                .dataSource(dataSource).outputFolder(properties.output().resolve("events")).classes("person").build();
        Step count = new StepBuilder("countPerHour", jobRepository)
                .tasklet(new HourlyCountTasklet(dataSource, partitioner, properties.output()), transactionManager).build();
        return new JobBuilder("peopleCounter", jobRepository).incrementer(new RunIdIncrementer())
                .start(detect).next(events).next(count).build();
    }
}
