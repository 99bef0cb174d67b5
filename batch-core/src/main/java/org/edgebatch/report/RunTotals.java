package org.edgebatch.report;

/**
 * The figures of a run, for one node or all: what the job instance has produced so far (files, frames, detections,
 * events, bytes) and how fast its detect partitions went ({@code wallSeconds} is the time the partitions ran,
 * summed over the instance's executions; {@code framesPerSecond} is frames decoded over that time).
 * {@code bytesUploaded} is what the instance's events put on the wire to the publish target (confirmed uploads only),
 * {@code pendingUploads} the events still waiting in the outbox; {@code bytesUploaded / bytesScanned} is the share of
 * the footage that left the node.
 */
public record RunTotals(long files, long framesDecoded, long framesInferred, long framesSkippedByMotion,
                        long framesUndecodable, long detections, long events, long bytesScanned,
                        long bytesEventArtifacts, double videoSeconds, double wallSeconds, double framesPerSecond,
                        long bytesUploaded, long pendingUploads) {

    /** The sum of two nodes' figures; the frame rate is recomputed from the summed frames over the given wall time. */
    RunTotals plus(RunTotals other, double totalWallSeconds) {
        long decoded = framesDecoded + other.framesDecoded;
        return new RunTotals(files + other.files, decoded, framesInferred + other.framesInferred,
                framesSkippedByMotion + other.framesSkippedByMotion, framesUndecodable + other.framesUndecodable,
                detections + other.detections, events + other.events, bytesScanned + other.bytesScanned,
                bytesEventArtifacts + other.bytesEventArtifacts, videoSeconds + other.videoSeconds, totalWallSeconds,
                rate(decoded, totalWallSeconds), bytesUploaded + other.bytesUploaded, pendingUploads + other.pendingUploads);
    }

    static RunTotals empty() {
        return new RunTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static double rate(long frames, double seconds) {
        return seconds > 0 ? round(frames / seconds) : 0;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
