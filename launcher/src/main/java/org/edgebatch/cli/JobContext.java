package org.edgebatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.edgebatch.job.EdgeBatchConfiguration;
import org.edgebatch.job.EdgeBatchOperations;
import org.edgebatch.job.JobSpecStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job's Spring application context over one job repository, as the job commands open it: non-web, no banner, no
 * start-up log, no shutdown hook of its own (the commands close it themselves, after stopping a running job cleanly).
 */
final class JobContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;

    private JobContext(ConfigurableApplicationContext context, String databaseUrl) {
        this.context = context;
        this.databaseUrl = databaseUrl;
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
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(JobApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties(properties)
                    .run();
            EdgeBatchOperations operations = context.getBean(EdgeBatchOperations.class);
            Objects.requireNonNull(operations);
            return new JobContext(context, databaseUrl);
        } catch (RuntimeException e) {
            throw new JobRepositoryException("cannot open the job repository " + databaseUrl + ": " + rootMessage(e), e);
        }
    }

    EdgeBatchOperations operations() {
        return context.getBean(EdgeBatchOperations.class);
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
        context.close();
    }

    /** The job repository cannot be opened; the message names its URL and the database's reason. */
    static final class JobRepositoryException extends RuntimeException {
        JobRepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
