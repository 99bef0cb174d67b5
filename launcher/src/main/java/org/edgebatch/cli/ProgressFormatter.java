package org.edgebatch.cli;

import java.util.Locale;
import org.edgebatch.job.NodeProgress;
import org.edgebatch.job.Progress;

/**
 * Writes a job's {@link Progress} as the command line shows it: a bar for a terminal
 * ({@code [#########---------]  1200/3517 frames  34%  41.2 fps  ETA 0:57  partitions 1/4}) or a log line
 * ({@code progress: 1200/3517 frames (34%), 41.2 fps, ETA 0:57, partitions 1/4}).
 */
final class ProgressFormatter {

    static final int BAR_WIDTH = 24;
    private static final String UNKNOWN = "--:--";

    /** The single updating line of a terminal. */
    String bar(Progress progress) {
        int filled = (int) Math.floor(progress.fraction() * BAR_WIDTH);
        if (progress.framesTotal() <= 0) {
            filled = 0;
        }
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        return String.format(Locale.ROOT, "[%s] %s frames %3d%%  %s fps  ETA %s  partitions %d/%d%s%s", bar,
                frames(progress), percent(progress), fps(progress), eta(progress), progress.partitionsDone(),
                progress.partitionsTotal(), step(progress, "  "), nodes(progress, "  "));
    }

    /** A plain line for logs and pipes. */
    String line(Progress progress) {
        return String.format(Locale.ROOT, "progress: %s frames (%d%%), %s fps, ETA %s, partitions %d/%d%s%s", frames(progress),
                percent(progress), fps(progress), eta(progress), progress.partitionsDone(), progress.partitionsTotal(),
                step(progress, ", "), nodes(progress, ", "));
    }

    /** Time left at the current rate, {@code m:ss} (or {@code h:mm:ss}); {@code --:--} while the rate is unknown. */
    static String eta(Progress progress) {
        long left = Math.max(0, progress.framesTotal() - progress.framesDone());
        if (left == 0 && progress.framesTotal() > 0) {
            return clock(0);
        }
        if (!(progress.framesPerSecond() > 0) || progress.framesTotal() <= 0) {
            return UNKNOWN;
        }
        return clock(left / progress.framesPerSecond());
    }

    /** {@code 0:57}, {@code 12:05}, {@code 1:02:03}. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return UNKNOWN;
        }
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long secs = total % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    private static String frames(Progress progress) {
        return Math.min(progress.framesDone(), Math.max(progress.framesTotal(), progress.framesDone())) + "/" + progress.framesTotal();
    }

    private static int percent(Progress progress) {
        return progress.framesTotal() <= 0 ? 0 : (int) Math.floor(progress.fraction() * 100);
    }

    private static String fps(Progress progress) {
        return String.format(Locale.ROOT, "%.1f", progress.framesPerSecond());
    }

    /** With several nodes, each one's share done: {@code nodes node-a 35% 1/2, node-b 40% 0/2}. */
    private static String nodes(Progress progress, String separator) {
        if (progress.nodes().size() < 2) {
            return "";
        }
        StringBuilder text = new StringBuilder(separator).append("nodes");
        String between = " ";
        for (NodeProgress node : progress.nodes()) {
            int percent = node.framesTotal() <= 0 ? 0 : (int) Math.floor(Math.min(1.0, (double) node.framesDone() / node.framesTotal()) * 100);
            text.append(between).append(node.nodeId()).append(' ').append(percent).append("% ")
                    .append(node.partitionsDone()).append('/').append(node.partitionsTotal());
            between = ", ";
        }
        return text.toString();
    }

    /** The detect step is what the frames measure; any other step running is named. */
    private static String step(Progress progress, String separator) {
        return progress.step().isEmpty() || progress.step().equals("detect") ? "" : separator + "step " + progress.step();
    }
}
