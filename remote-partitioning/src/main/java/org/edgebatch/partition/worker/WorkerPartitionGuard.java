package org.edgebatch.partition.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.edgebatch.job.DetectWorkerStepFactory;
import org.edgebatch.job.JobSpecStore;
import org.edgebatch.job.PartitionFiles;
import org.edgebatch.job.PartitionNames;
import org.edgebatch.job.PlannedVideo;
import org.edgebatch.job.VideoJobOperator;
import org.edgebatch.node.AllowList;
import org.edgebatch.node.InventoryException;
import org.edgebatch.partition.PartitionGuard;
import org.edgebatch.partition.PartitionRefusedException;
import org.edgebatch.publish.Sha256;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.step.StepExecution;

/**
 * A worker's checks before it runs a partition: its file must lie in this worker's own allow-list (its real path,
 * now), and a detect partition's model file here must have the SHA-256 the manager recorded when it planned the run,
 * so every node infers with the same model. A refusal fails the partition with the reason, before any frame is read.
 */
public final class WorkerPartitionGuard implements PartitionGuard {

    private record Stamp(long size, long modified) {
    }

    private record Hashed(Stamp stamp, String sha256) {
    }

    private final String nodeId;
    private final AllowList allowList;
    private final JobSpecStore specs;
    private final PartitionFiles files;
    private final Map<Path, Hashed> hashes = new ConcurrentHashMap<>();

    /** @param files reads which files a partition holds, each checked against the allow-list */
    public WorkerPartitionGuard(String nodeId, AllowList allowList, JobSpecStore specs, PartitionFiles files) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId must not be null");
        this.allowList = Objects.requireNonNull(allowList, "allowList must not be null");
        this.specs = Objects.requireNonNull(specs, "specs must not be null");
        this.files = Objects.requireNonNull(files, "files must not be null");
    }

    @Override
    public void check(StepExecution partition) {
        var context = partition.getExecutionContext();
        if (context.containsKey(PlannedVideo.VIDEO_PATH)) {
            try {
                for (PlannedVideo video : files.of(partition)) {
                    allowList.resolve(video.path(), nodeId);
                }
            } catch (InventoryException e) {
                throw new PartitionRefusedException(e.getMessage(), e);
            }
        }
        if (PartitionNames.isPartitionOf(partition.getStepName(), DetectWorkerStepFactory.STEP_NAME)) {
            checkModel(partition);
        }
    }

    private void checkModel(StepExecution partition) {
        String planned = partition.getJobExecution().getJobParameters().getString(VideoJobOperator.MODEL_SHA256, null);
        if (planned == null) {
            return;
        }
        JobSpec spec = specs.load(partition.getJobExecution().getJobInstance().getInstanceId());
        Path model = spec.model().path();
        String here = sha256(model);
        if (!here.equals(planned)) {
            throw new PartitionRefusedException("model " + model + " on node " + nodeId + " has SHA-256 " + here.substring(0, 12)
                    + "..., but execution " + partition.getJobExecutionId() + " was planned with " + planned.substring(0, 12)
                    + "...: give every node the manager's model file");
        }
    }

    private String sha256(Path model) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(model, BasicFileAttributes.class);
            Stamp stamp = new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
            Hashed known = hashes.get(model);
            if (known != null && known.stamp().equals(stamp)) {
                return known.sha256();
            }
            String hash = Sha256.of(model);
            hashes.put(model, new Hashed(stamp, hash));
            return hash;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PartitionRefusedException("model file " + model + " not found on node " + nodeId);
        } catch (IOException e) {
            throw new PartitionRefusedException("model file " + model + " cannot be read on node " + nodeId + ": " + e, e);
        }
    }
}
