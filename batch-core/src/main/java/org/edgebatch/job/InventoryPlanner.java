package org.edgebatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.edgebatch.node.InventoryException;
import org.edgebatch.node.VideoAsset;
import org.edgebatch.node.VideoInventory;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.video.VideoFormatException;
import org.edgebatch.video.VideoInfo;
import org.edgebatch.video.VideoProbe;

/**
 * Takes a job's inventory (which node reads which file, checked against the allow-lists) and probes every file, so a
 * file that is not a readable video is refused, naming it, before any partition exists.
 */
public final class InventoryPlanner {

    /** The plan of every input file. */
    public VideoPlan plan(JobSpec spec) {
        return plan(spec, asset -> true);
    }

    /**
     * The plan of the input files {@code include} accepts (a scheduled run passes only new or changed files).
     *
     * @throws InventoryException naming the path, node or file at fault: outside the allow-lists, missing, not a video
     */
    public VideoPlan plan(JobSpec spec, Predicate<VideoAsset> include) {
        List<VideoAsset> assets = VideoInventory.of(spec);
        List<PlannedVideo> videos = new ArrayList<>();
        for (VideoAsset asset : assets) {
            if (!include.test(asset)) {
                continue;
            }
            VideoInfo info;
            try {
                info = VideoProbe.probe(asset.path());
            } catch (VideoFormatException e) {
                throw new InventoryException("not a readable video: " + e.getMessage(), e);
            }
            videos.add(new PlannedVideo("v" + videos.size(), asset.nodeId(), asset.path(), asset.sizeBytes(),
                    asset.lastModified(), info.frameCount(), info.fps(), info.durationMicros(), info.width(), info.height()));
        }
        return new VideoPlan(videos);
    }
}
