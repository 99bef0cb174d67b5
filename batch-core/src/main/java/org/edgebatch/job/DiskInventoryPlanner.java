package org.edgebatch.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.edgebatch.node.AllowList;
import org.edgebatch.node.InventoryException;
import org.edgebatch.node.VideoAsset;
import org.edgebatch.node.VideoInventory;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.video.VideoFormatException;
import org.edgebatch.video.VideoInfo;
import org.edgebatch.video.VideoProbe;

/**
 * The embedded mode's planner: takes a job's inventory on this process's own disk (which of the spec's logical nodes
 * reads which file, checked against the allow-lists) and probes every file. A file named directly in
 * {@code input.paths} that is not a readable video is refused, naming it, before any partition exists; one found by
 * scanning a folder is left out with its reason (a recorder's folder always holds a segment being written), and so is
 * any file modified within {@code input.settleSeconds} (deferred to the next run). Files are probed a few at a time
 * ({@link VideoProbe#probeAll}).
 */
public final class DiskInventoryPlanner implements InventoryPlanner {

    @Override
    public VideoPlan plan(JobSpec spec, Predicate<VideoAsset> include) {
        List<VideoAsset> assets = VideoInventory.of(spec);
        Set<Path> named = spec.input().paths().stream().filter(Files::isRegularFile).map(AllowList::realPath)
                .collect(Collectors.toSet());
        long now = System.currentTimeMillis();
        int settleSeconds = spec.input().settleSeconds();
        List<PlannedVideo> videos = new ArrayList<>();
        List<LeftOutFile> leftOut = new ArrayList<>();
        List<VideoAsset> settled = new ArrayList<>();
        for (VideoAsset asset : assets) {
            if (!include.test(asset)) {
                continue;
            }
            long age = now - asset.lastModified().toEpochMilli();
            if (age < settleSeconds * 1000L) {
                leftOut.add(LeftOutFile.deferred(asset.nodeId(), asset.path(), age, settleSeconds));
            } else {
                settled.add(asset);
            }
        }
        List<VideoProbe.Probed> probed = VideoProbe.probeAll(settled.stream().map(VideoAsset::path).toList());
        for (int i = 0; i < settled.size(); i++) {
            VideoAsset asset = settled.get(i);
            VideoFormatException failure = probed.get(i).failure();
            if (failure != null) {
                if (named.contains(asset.path())) {
                    throw new InventoryException("not a readable video: " + failure.getMessage(), failure);
                }
                leftOut.add(LeftOutFile.unreadable(asset.nodeId(), asset.path(), failure.problem()));
                continue;
            }
            VideoInfo info = probed.get(i).info();
            videos.add(new PlannedVideo("v" + videos.size(), asset.nodeId(), asset.path(), asset.sizeBytes(),
                    asset.lastModified(), info.frameCount(), info.fps(), info.durationMicros(), info.width(), info.height()));
        }
        // Listed in the order the files were found, as the plan's videos are.
        Map<Path, Integer> order = new HashMap<>();
        assets.forEach(asset -> order.putIfAbsent(asset.path(), order.size()));
        leftOut.sort(Comparator.comparing(file -> order.get(file.path())));
        return new VideoPlan(videos, leftOut);
    }
}
