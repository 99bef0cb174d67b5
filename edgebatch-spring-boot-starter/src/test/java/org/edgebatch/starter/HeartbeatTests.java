package org.edgebatch.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Any job of a starter application beats while it runs (its EB_HEARTBEAT row), and stops beating when it ends. */
class HeartbeatTests {

    /** An application with one job that looks at the heartbeat rows while it runs. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        final List<Map<String, Object>> seen = new ArrayList<>();

        @Bean
        Job look(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new JobBuilder("look", jobRepository).start(new StepBuilder("look", jobRepository).tasklet((contribution, chunk) -> {
                seen.addAll(jdbc.queryForList("SELECT JOB_EXECUTION_ID, PID FROM EB_HEARTBEAT"));
                return RepeatStatus.FINISHED;
            }, transactionManager).build()).build();
        }
    }

    @Test
    void aJobBeatsWhileItRunsWithoutListingTheListener() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .properties("spring.batch.job.enabled=false").run()) {
            JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(Job.class), new JobParameters());

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(context.getBean(Application.class).seen).singleElement().satisfies(row -> {
                assertThat(((Number) row.get("JOB_EXECUTION_ID")).longValue()).isEqualTo(execution.getId());
                assertThat(((Number) row.get("PID")).longValue()).isEqualTo(ProcessHandle.current().pid());
            });
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM EB_HEARTBEAT",
                    Integer.class)).as("no heartbeat after the job").isZero();
        }
    }
}
