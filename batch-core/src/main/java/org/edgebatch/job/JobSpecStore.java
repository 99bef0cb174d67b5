package org.edgebatch.job;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.edgebatch.step.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the effective spec of each job instance ({@code EB_JOB_SPEC}), as JSON, so a restart in a new process builds
 * exactly the same job without the spec file or the overrides it was launched with.
 */
public final class JobSpecStore {

    private final JdbcTemplate jdbc;
    private final JobSpecLoader loader;
    private final String upsert;

    public JobSpecStore(JdbcTemplate jdbc, SqlDialect dialect, JobSpecLoader loader) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.loader = Objects.requireNonNull(loader, "loader must not be null");
        this.upsert = dialect.upsert("EB_JOB_SPEC", List.of("JOB_INSTANCE_ID"),
                List.of("JOB_INSTANCE_ID", "JOB_NAME", "SPEC_JSON", "SPEC_SOURCE", "CREATED"));
    }

    /**
     * Stores the spec of a job instance (again: a second save of the same instance replaces the first), without the
     * passwords its database or broker URL may carry.
     */
    public void save(long jobInstanceId, JobSpec spec, String source) {
        jdbc.update(upsert, jobInstanceId, spec.name(), loader.toJson(spec.withoutSecrets()), source, Timestamp.from(Instant.now()));
    }

    /**
     * The spec a job instance was launched with, validated again (so a model file deleted since is reported here).
     *
     * @throws IllegalStateException when no spec is stored for the instance
     */
    public JobSpec load(long jobInstanceId) {
        return find(jobInstanceId).orElseThrow(() -> new IllegalStateException("no job spec is stored for job instance "
                + jobInstanceId + "; it was not launched by EdgeBatch"));
    }

    public Optional<JobSpec> find(long jobInstanceId) {
        List<String> json = jdbc.queryForList("SELECT SPEC_JSON FROM EB_JOB_SPEC WHERE JOB_INSTANCE_ID = ?", String.class,
                jobInstanceId);
        return json.stream().findFirst().map(text -> loader.read("the spec stored for job instance " + jobInstanceId, text));
    }

    /** Where the spec came from (the file, or "command line"), if stored. */
    public Optional<String> source(long jobInstanceId) {
        return jdbc.queryForList("SELECT SPEC_SOURCE FROM EB_JOB_SPEC WHERE JOB_INSTANCE_ID = ?", String.class, jobInstanceId)
                .stream().findFirst();
    }
}
