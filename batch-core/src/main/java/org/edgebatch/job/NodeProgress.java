package org.edgebatch.job;

/** How far one node is in the detect step: frames of its files read, and its partitions done. */
public record NodeProgress(String nodeId, long framesDone, long framesTotal, int partitionsDone, int partitionsTotal) {
}
