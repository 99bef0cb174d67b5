package org.edgebatch.partition;

import java.util.Objects;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.PartitionFiles;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.node.EdgeNode;
import org.edgebatch.node.InventoryException;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.step.StepExecution;

/**
 * The embedded mode's check: every file of a video partition must lie in the allow-list of its logical node as the job's
 * spec declares it (a link swapped after the inventory is caught here).
 */
public final class EmbeddedPartitionGuard implements PartitionGuard {

    private final JobSpecStore specs;
    private final PartitionFiles files;

    public EmbeddedPartitionGuard(JobSpecStore specs, PartitionFiles files) {
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.files = Objects.requireNonNull(files, "files must not be null");
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
            for (PlannedVideo video : files.of(partition)) {
                node.resolve(video.path());
            }
        } catch (InventoryException e) {
            throw new PartitionRefusedException(e.getMessage(), e);
        }
    }
}
