package org.edgebatch.batch;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.edgebatch.batch.events.EventStepBuilder;
import org.edgebatch.batch.item.DetectItemProcessor;
import org.edgebatch.batch.item.DetectItemProcessorBuilder;
import org.edgebatch.batch.item.JdbcDetectionItemWriterBuilder;
import org.edgebatch.batch.item.VideoFrameItemReaderBuilder;
import org.edgebatch.job.OrtRuntimeStarter;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.repository.JobRepositoryConfiguration;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.GatedFrame;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A restartable job composed only from the public builders, run as a process of its own so a test can kill it:
 * {@code run|restart <H2 file> <video> <model> <events folder>}. {@code restart} recovers the execution a killed
 * process left STARTED and restarts it with Spring Batch's {@link JobOperator}. Exits 0 when the job COMPLETED.
 */
public final class BuilderComposedJob {

    static final String JOB = "builderScan";

    private BuilderComposedJob() {
    }

    static Job job(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                   DetectItemProcessor detect, Path video, Path events) {
        Step frames = new StepBuilder("detect", jobRepository).<GatedFrame, FrameDetections>chunk(8)
                .transactionManager(transactionManager)
                .reader(new VideoFrameItemReaderBuilder().name("frames").file(video).build())
                .processor(detect)
                .writer(new JdbcDetectionItemWriterBuilder().dataSource(dataSource).build())
                .build();
        Step eventsStep = new EventStepBuilder("events", jobRepository).transactionManager(transactionManager)
                .dataSource(dataSource).outputFolder(events).classes("person").build();
        return new JobBuilder(JOB, jobRepository).start(frames).next(eventsStep).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !(args[0].equals("run") || args[0].equals("restart"))) {
            System.err.println("usage: run|restart <h2 file> <video> <model> <events folder>");
            System.exit(2);
        }
        Path video = Path.of(args[2]);
        JobParameters parameters = new JobParametersBuilder().addString("video", video.toString()).toJobParameters();
        int exitCode;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
             OrtRuntime runtime = OrtRuntimeStarter.create()) {
            // Kept open while the process lives, so the database stays served from here to the test that watches it;
            // each commit written through, so a kill loses no committed chunk (as the CLI's repository URL does).
            SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                    "jdbc:h2:file:" + Path.of(args[1]).toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
            context.registerBean("dataSource", DataSource.class, () -> dataSource);
            context.registerBean("transactionManager", PlatformTransactionManager.class,
                    () -> new DataSourceTransactionManager(dataSource));
            context.register(JobRepositoryConfiguration.class);
            context.refresh();
            JobRepository jobRepository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            try (DetectItemProcessor detect = new DetectItemProcessorBuilder().model(runtime, Path.of(args[3])).threads(1).build()) {
                Job job = job(jobRepository, context.getBean(PlatformTransactionManager.class), dataSource, detect, video,
                        Path.of(args[4]));
                JobExecution execution;
                if (args[0].equals("run")) {
                    execution = operator.start(job, parameters);
                } else {
                    JobExecution killed = jobRepository.getLastJobExecution(JOB, parameters);
                    if (killed.getStatus() == BatchStatus.STARTED) {
                        // The process that ran it is gone (the caller killed it): mark it FAILED so it can restart.
                        operator.recover(killed);
                    }
                    execution = operator.start(job, parameters);
                }
                System.out.println("execution " + execution.getId() + ": " + execution.getStatus());
                exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
            }
        }
        System.exit(exitCode);
    }
}
