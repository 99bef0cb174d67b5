package org.edgebatch.batch.events;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.edgebatch.job.EventStore;
import org.edgebatch.spec.EventsSpec;
import org.edgebatch.step.EventRules;
import org.edgebatch.step.SqlDialect;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the step that turns a job's detections into significant events, with the CLI's rules and defaults: the
 * classes that count (default every class), the score a detection needs (0.5), the gap that still joins two
 * detections (2 s) and the shortest event kept (0.5 s). Run it after the detect step in the same job.
 */
public final class EventStepBuilder {

    private final String name;
    private final JobRepository jobRepository;
    private PlatformTransactionManager transactionManager;
    private DataSource dataSource;
    private Path folder;
    private Set<String> classes = Set.of();
    private double minScore = EventsSpec.DEFAULT_MIN_SCORE;
    private double mergeGapSeconds = EventsSpec.DEFAULT_MERGE_GAP_SECONDS;
    private double minDurationSeconds = EventsSpec.DEFAULT_MIN_DURATION_SECONDS;

    public EventStepBuilder(String name, JobRepository jobRepository) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
    }

    public EventStepBuilder transactionManager(PlatformTransactionManager transactionManager) {
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager must not be null");
        return this;
    }

    /** The database with EdgeBatch's tables, where the detect step wrote. */
    public EventStepBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        return this;
    }

    /** Where each event's JSON goes, under a folder per job instance. */
    public EventStepBuilder outputFolder(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder must not be null");
        return this;
    }

    /** The classes that make events (default: every class). */
    public EventStepBuilder classes(String... classes) {
        this.classes = Set.of(classes);
        return this;
    }

    public EventStepBuilder minScore(double minScore) {
        this.minScore = minScore;
        return this;
    }

    public EventStepBuilder mergeGapSeconds(double mergeGapSeconds) {
        this.mergeGapSeconds = mergeGapSeconds;
        return this;
    }

    public EventStepBuilder minDurationSeconds(double minDurationSeconds) {
        this.minDurationSeconds = minDurationSeconds;
        return this;
    }

    /**
     * The step.
     *
     * @throws IllegalStateException naming what is missing
     * @throws IllegalArgumentException when a rule is out of bounds
     */
    public Step build() {
        if (transactionManager == null || dataSource == null || folder == null) {
            throw new IllegalStateException("transactionManager, dataSource and outputFolder are required; missing: "
                    + (transactionManager == null ? "transactionManager " : "") + (dataSource == null ? "dataSource " : "")
                    + (folder == null ? "outputFolder" : "").trim());
        }
        EventRules rules = new EventRules(classes, minScore, mergeGapSeconds, minDurationSeconds);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EventsBuildingTasklet tasklet = new EventsBuildingTasklet(jdbc, new EventStore(jdbc, SqlDialect.of(dataSource)), rules, folder);
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
