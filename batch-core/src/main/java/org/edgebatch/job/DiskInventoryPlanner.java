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
 * The embedded mode's planner: takes a job's inventory on this process's own disk (which of the spec's logical nodes
 * reads which file, checked against the allow-lists) and probes every file, so a file that is not a readable video is
 * refused, naming it, before any partition exists.
 */
public final class DiskInventoryPlanner implements InventoryPlanner {

    @Override
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
