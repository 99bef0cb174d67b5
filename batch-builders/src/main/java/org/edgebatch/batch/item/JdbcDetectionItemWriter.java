package org.edgebatch.batch.item;

import java.util.Objects;
import javax.sql.DataSource;
import org.edgebatch.step.DetectionWriter;
import org.edgebatch.step.FrameDetections;
import org.edgebatch.step.SqlDialect;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes frames and detections to EdgeBatch's tables ({@code EB_FRAME}, {@code EB_DETECTION}) as the CLI's job does:
 * idempotent upserts keyed by job instance, video and frame, so a chunk written again after a restart leaves the same
 * rows. The job instance and step execution are those of the step that opens it. Made by
 * {@link JdbcDetectionItemWriterBuilder}.
 */
public final class JdbcDetectionItemWriter implements ItemStreamWriter<FrameDetections> {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final String name;
    private DetectionWriter delegate;

    JdbcDetectionItemWriter(DataSource dataSource, String nodeId, String name) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.nodeId = nodeId;
        this.name = name;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        Objects.requireNonNull(executionContext, "executionContext must not be null");
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            throw new ItemStreamException("writer '" + name + "' was opened outside a running step: it keys its rows by the"
                    + " step's job instance");
        }
        StepExecution step = context.getStepExecution();
        DetectionWriter writer = new DetectionWriter(jdbc, SqlDialect.of(dataSource), step.getJobExecution().getJobInstance().getInstanceId(),
                step.getId(), nodeId);
        writer.setName(name);
        writer.open(executionContext);
        delegate = writer;
    }

    @Override
    public void write(Chunk<? extends FrameDetections> chunk) {
        if (delegate == null) {
            throw new ItemStreamException("writer '" + name + "' is not open: register it as the step's writer or stream");
        }
        delegate.write(chunk);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (delegate != null) {
            delegate.update(executionContext);
        }
    }

    @Override
    public void close() {
        delegate = null;
    }
}
