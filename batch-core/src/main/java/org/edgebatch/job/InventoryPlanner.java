package org.edgebatch.job;

import java.util.function.Predicate;
import org.edgebatch.node.VideoAsset;
import org.edgebatch.spec.JobSpec;

/**
 * Plans a run: which node reads which video file, each probed, so partitions exist only for readable videos on nodes
 * allowed to read them. The embedded mode walks this process's disk ({@link DiskInventoryPlanner}); the distributed
 * mode reads the inventories the workers published.
 */
public interface InventoryPlanner {

    /** The plan of every input file. */
    default VideoPlan plan(JobSpec spec) {
        return plan(spec, asset -> true);
    }

    /**
     * The plan of the input files {@code include} accepts (a scheduled run passes only new or changed files).
     *
     * @throws org.edgebatch.node.InventoryException naming the path, node or file at fault: outside the allow-lists,
     *                                               missing, not a video, no node to run on
     */
    VideoPlan plan(JobSpec spec, Predicate<VideoAsset> include);
}
