package org.edgebatch.partition;

import java.nio.file.Path;
import java.util.Objects;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.node.EdgeNode;
import org.edgebatch.node.InventoryException;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.step.StepExecution;

/**
 * The embedded mode's check: a video partition's file must lie in the allow-list of its logical node as the job's
 * spec declares it (a link swapped after the inventory is caught here).
 */
public final class EmbeddedPartitionGuard implements PartitionGuard {

    private final JobSpecStore specs;

    public EmbeddedPartitionGuard(JobSpecStore specs) {
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
    }

    @Override
    public void check(StepExecution partition) {
        var context = partition.getExecutionContext();
        if (!context.containsKey(PlannedVideo.VIDEO_PATH)) {
            return;
        }
        JobSpec spec = specs.load(partition.getJobExecution().getJobInstance().getInstanceId());
        String nodeId = context.getString(PlannedVideo.NODE);
        EdgeNode node = EdgeNode.embedded(spec).stream().filter(candidate -> candidate.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new PartitionRefusedException("node '" + nodeId + "' is not a node of job " + spec.name()));
        try {
            node.resolve(Path.of(context.getString(PlannedVideo.VIDEO_PATH)));
        } catch (InventoryException e) {
            throw new PartitionRefusedException(e.getMessage(), e);
        }
    }
}
