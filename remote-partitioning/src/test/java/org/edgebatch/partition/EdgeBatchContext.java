package org.edgebatch.partition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.VideoJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring context like the command line's, over an H2 file in a test folder. Closing one and starting another on the
 * same folder is what a second process sees.
 */
final class EdgeBatchContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private EdgeBatchContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EdgeBatchContext start(Path database, Class<?>... extraConfiguration) {
        return start(database, List.of(), extraConfiguration);
    }

    /** A context with more properties ({@code name=value}). */
    static EdgeBatchContext start(Path database, List<String> properties, Class<?>... extraConfiguration) {
        List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class));
        sources.addAll(List.of(extraConfiguration));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.datasource.url=jdbc:h2:file:" + database.resolve("edgebatch").toAbsolutePath(),
                        "spring.batch.job.enabled=false",
                        "spring.main.banner-mode=off",
                        "edgebatch.partition-poll-interval=100ms")
                .properties(properties.toArray(String[]::new))
                .run();
        return new EdgeBatchContext(context);
    }

    VideoJobOperator jobs() {
        return context.getBean(VideoJobOperator.class);
    }

    ExecutionExplorer executions() {
        return context.getBean(ExecutionExplorer.class);
    }

    JobRepository jobRepository() {
        return context.getBean(JobRepository.class);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
