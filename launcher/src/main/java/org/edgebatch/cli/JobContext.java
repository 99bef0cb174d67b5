package org.edgebatch.cli;

import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.edgebatch.job.EdgeBatchConfiguration;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.VideoJobOperator;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.repository.RepositoryKeeper;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job's Spring application context over one job repository, as the job commands open it: non-web, no banner, no
 * start-up log, no shutdown hook of its own (the commands close it themselves, after stopping a running job cleanly).
 * An H2 file repository is first served by its keeper process ({@link RepositoryKeeper}), so this process's exit never
 * breaks another's connections.
 */
final class JobContext implements AutoCloseable {

    /** How long a repository's keeper process stays after the last command left (system property, in seconds). */
    static final String KEEPER_LINGER_PROPERTY = "edgebatch.keeper-linger-seconds";

    private static final Duration KEEPER_START_TIMEOUT = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;
    private final Optional<RepositoryKeeper.Lease> lease;

    private JobContext(ConfigurableApplicationContext context, String databaseUrl, Optional<RepositoryKeeper.Lease> lease) {
        this.context = context;
        this.databaseUrl = databaseUrl;
        this.lease = lease;
    }

    /**
     * Starts the context on the job repository at {@code databaseUrl}.
     *
     * @throws JobRepositoryException when the repository cannot be opened (locked, unreachable, not a database), with
     *                                the database's own reason
     */
    static JobContext open(String databaseUrl) {
        Objects.requireNonNull(databaseUrl, "databaseUrl must not be null");
        Map<String, Object> properties = new LinkedHashMap<>(EdgeBatchConfiguration.applicationProperties(databaseUrl));
        // Beans a command does not reach (the ONNX Runtime for status, say) are never made.
        properties.put("spring.main.lazy-initialization", "true");
        Optional<RepositoryKeeper.Lease> lease = Optional.empty();
        try {
            lease = keeper().lease(databaseUrl);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(JobApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties(properties)
                    .run();
            Objects.requireNonNull(context.getBean(ExecutionExplorer.class));
            return new JobContext(context, databaseUrl, lease);
        } catch (RuntimeException e) {
            lease.ifPresent(RepositoryKeeper.Lease::close);
            throw new JobRepositoryException("cannot open the job repository " + databaseUrl + ": " + rootMessage(e), e);
        }
    }

    private static RepositoryKeeper keeper() {
        long linger = Long.getLong(KEEPER_LINGER_PROPERTY, 60);
        if (linger < 1) {
            throw new IllegalArgumentException(KEEPER_LINGER_PROPERTY + " must be at least 1, was " + linger);
        }
        return new RepositoryKeeper(Duration.ofSeconds(linger), KEEPER_START_TIMEOUT);
    }

    VideoJobOperator jobs() {
        return context.getBean(VideoJobOperator.class);
    }

    ExecutionExplorer executions() {
        return context.getBean(ExecutionExplorer.class);
    }

    JobSpecStore specs() {
        return context.getBean(JobSpecStore.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String databaseUrl() {
        return databaseUrl;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // H2 appends its version and an error code in brackets; the sentence before it is what matters.
        return message.replaceFirst("\\s*\\[\\d+-\\d+]$", "").lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            lease.ifPresent(RepositoryKeeper.Lease::close);
        }
    }

    /** The job repository cannot be opened; the message names its URL and the database's reason. */
    static final class JobRepositoryException extends RuntimeException {
        JobRepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
