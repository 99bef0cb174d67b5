package org.edgebatch.samples.custom;

import java.nio.file.Path;
import org.edgebatch.batch.item.DetectItemProcessorBuilder;
import org.edgebatch.batch.item.JsonLinesDetectionItemWriterBuilder;
import org.edgebatch.batch.item.VideoFrameItemReaderBuilder;
import org.edgebatch.detect.Detector;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.GatedFrame;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.RunIdIncrementer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs the starter's detector, whose output layout {@code edgebatch.model.layout=any-object} names a decoder of this
 * application ({@link AnyObjectDecoder}), over one video and writes a JSON line per frame:
 * {@code --custom-model.video=clip.mp4 --custom-model.output=detections.jsonl}.
 */
@SpringBootApplication
public class CustomModelApplication {

    @Bean
    Job detectAnyObject(JobRepository jobRepository, PlatformTransactionManager transactionManager, Detector detector,
                        @Value("${custom-model.video}") Path video,
                        @Value("${custom-model.output:detections.jsonl}") Path output,
                        @Value("${custom-model.every-nth-frame:1}") int everyNthFrame) {
        return new JobBuilder("detectAnyObject", jobRepository).incrementer(new RunIdIncrementer())
                .start(new StepBuilder("frames", jobRepository).<GatedFrame, FrameDetections>chunk(16)
                        .transactionManager(transactionManager)
                        .reader(new VideoFrameItemReaderBuilder().name("frames").file(video).everyNthFrame(everyNthFrame)
                                .scaledFor(detector.model().input()).build())
                        .processor(new DetectItemProcessorBuilder().detector(detector).build())
                        .writer(new JsonLinesDetectionItemWriterBuilder().file(output).build())
                        .build())
                .build();
    }

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(CustomModelApplication.class, args)));
    }
}
