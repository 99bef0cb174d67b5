package org.edgebatch.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.edgebatch.credentials.Credentials;
import org.edgebatch.credentials.DatabaseLogin;
import org.edgebatch.job.EdgeBatchConfiguration;
import org.edgebatch.job.ExecutionExplorer;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.OrtRuntimeStarter;
import org.edgebatch.job.VideoJobOperator;
import org.edgebatch.partition.amqp.BrokerSettings;
import org.edgebatch.partition.worker.WorkerSettings;
import org.edgebatch.repository.RepositoryKeeper;
import org.edgebatch.spec.JobSpec;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job's Spring application context over one job repository, as the job commands open it: non-web, no banner, no
 * start-up log, no shutdown hook of its own (the commands close it themselves, after stopping a running job cleanly).
 * Embedded (every node in this process), a distributed manager, or a distributed worker, by {@link Mode}. An H2 file
 * repository is first served by its keeper process ({@link RepositoryKeeper}), so this process's exit never breaks
 * another's connections. Passwords go to the driver and the broker client only.
 */
final class JobContext implements AutoCloseable {

    /** How long a repository's keeper process stays after the last command left (system property, in seconds). */
    static final String KEEPER_LINGER_PROPERTY = "edgebatch.keeper-linger-seconds";

    private static final Duration KEEPER_START_TIMEOUT = Duration.ofSeconds(30);

    /** Which side of which mode this process is. */
    sealed interface Mode {
        /** Every node in this process; also what commands that only read the repository open. */
        record Embedded() implements Mode {
        }

        /** The manager of a distributed run: partitions go to workers through the broker. */
        record Manager(BrokerSettings broker) implements Mode {
        }

        /** A worker process serving one node. */
        record Worker(BrokerSettings broker, WorkerSettings settings, int threads) implements Mode {
        }
    }

    private final ConfigurableApplicationContext context;
    private final String databaseUrl;
    private final Optional<RepositoryKeeper.Lease> lease;
    private final Optional<OrtRuntimeStarter> inference;

    private JobContext(ConfigurableApplicationContext context, String databaseUrl, Optional<RepositoryKeeper.Lease> lease,
            Optional<OrtRuntimeStarter> inference) {
        this.context = context;
        this.databaseUrl = databaseUrl;
        this.lease = lease;
        this.inference = inference;
    }

    /** The embedded context on the job repository at {@code databaseUrl}. */
    static JobContext open(String databaseUrl) {
        return open(databaseUrl, new Mode.Embedded());
    }

    /**
     * Starts the context on the job repository at {@code databaseUrl} (its password, if not in the URL, from the
     * environment or the credentials file).
     *
     * @throws JobRepositoryException     when the repository cannot be opened (locked, unreachable, not a database,
     *                                    refused login), with the database's own reason and the URL without password
     * @throws BrokerUnreachableException when a distributed mode's broker cannot be reached or refuses the login
     */
    static JobContext open(String databaseUrl, Mode mode) {
        return open(databaseUrl, mode, false);
    }

    /**
     * As {@link #open(String, Mode)}; with {@code infers}, for a command about to run a job whose nodes are in this
     * process (embedded, or a worker), ONNX Runtime starts loading at once, beside the context's start.
     */
    static JobContext open(String databaseUrl, Mode mode, boolean infers) {
        Objects.requireNonNull(databaseUrl, "databaseUrl must not be null");
        DatabaseLogin login = DatabaseLogin.of(databaseUrl, Credentials.ofProcess(JobSpec.edgebatchHome()));
        Map<String, Object> properties = new LinkedHashMap<>(EdgeBatchConfiguration.applicationProperties(login.url()));
        if (login.user() != null) {
            properties.put("spring.datasource.username", login.user());
        }
        if (login.password() != null) {
            properties.put("spring.datasource.password", login.password());
        }
        // Beans a command does not reach (the ONNX Runtime for status, say) are never made.
        properties.put("spring.main.lazy-initialization", "true");
        Class<?> application = switch (mode) {
            case Mode.Embedded embedded -> JobApplication.class;
            case Mode.Manager manager -> ManagerApplication.class;
            case Mode.Worker worker -> {
                if (worker.threads() > 0) {
                    properties.put("edgebatch.node-threads", Integer.toString(worker.threads()));
                }
                yield WorkerApplication.class;
            }
        };
        Optional<RepositoryKeeper.Lease> lease = Optional.empty();
        // A manager infers nothing itself.
        Optional<OrtRuntimeStarter> inference = infers && !(mode instanceof Mode.Manager)
                ? Optional.of(OrtRuntimeStarter.start()) : Optional.empty();
        ConfigurableApplicationContext context = null;
        try {
            lease = keeper().lease(login.url());
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties(properties)
                    .initializers(applicationContext -> register(applicationContext, mode, inference))
                    .run();
            Objects.requireNonNull(context.getBean(ExecutionExplorer.class));
        } catch (RuntimeException e) {
            if (context != null) {
                context.close();
            }
            lease.ifPresent(RepositoryKeeper.Lease::close);
            inference.ifPresent(OrtRuntimeStarter::close);
            throw new JobRepositoryException("cannot open the job repository " + login.url() + ": " + rootMessage(e), e);
        }
        JobContext opened = new JobContext(context, login.url(), lease, inference);
        if (!(mode instanceof Mode.Embedded)) {
            opened.checkBroker(mode);
        }
        return opened;
    }

    private static void register(ConfigurableApplicationContext context, Mode mode, Optional<OrtRuntimeStarter> inference) {
        inference.ifPresent(starter -> context.getBeanFactory().registerSingleton("ortRuntimeStarter", starter));
        switch (mode) {
            case Mode.Embedded embedded -> {
            }
            case Mode.Manager manager -> context.getBeanFactory().registerSingleton("brokerSettings", manager.broker());
            case Mode.Worker worker -> {
                context.getBeanFactory().registerSingleton("brokerSettings", worker.broker());
                context.getBeanFactory().registerSingleton("workerSettings", worker.settings());
            }
        }
    }

    /** Connects to the broker once, so an unreachable broker or a refused login stops the command before anything starts. */
    private void checkBroker(Mode mode) {
        BrokerSettings broker = switch (mode) {
            case Mode.Manager manager -> manager.broker();
            case Mode.Worker worker -> worker.broker();
            case Mode.Embedded embedded -> throw new IllegalStateException("embedded mode has no broker");
        };
        try {
            context.getBean(CachingConnectionFactory.class).createConnection().close();
        } catch (RuntimeException e) {
            close();
            throw new BrokerUnreachableException("cannot reach the broker " + broker + ": " + rootMessage(e), e);
        }
    }

    /** The keeper of H2 file repositories, lingering as {@value #KEEPER_LINGER_PROPERTY} says. */
    static RepositoryKeeper keeper() {
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

    /** The repository's URL, without a password. */
    String databaseUrl() {
        return databaseUrl;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // H2 appends its version and an error code in brackets, MariaDB's driver starts with its connection number;
        // the sentence between is what matters.
        return message.replaceFirst("\\s*\\[\\d+-\\d+]$", "").replaceFirst("^\\(conn=\\d+\\) ", "").lines().findFirst()
                .orElse(message);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            // After the context: its OrtRuntime bean, if made, took and closed the runtime; else this closes it.
            inference.ifPresent(OrtRuntimeStarter::close);
            lease.ifPresent(RepositoryKeeper.Lease::close);
        }
    }

    /** The job repository cannot be opened; the message names its URL and the database's reason. */
    static final class JobRepositoryException extends RuntimeException {
        JobRepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The broker of a distributed mode cannot be reached or refused the login; the message names it (no password). */
    static final class BrokerUnreachableException extends RuntimeException {
        BrokerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
