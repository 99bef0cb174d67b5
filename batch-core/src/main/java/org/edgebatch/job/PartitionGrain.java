package org.edgebatch.job;

/** What one partition of a partitioned step covers: one video file, or everything of one node. */
public enum PartitionGrain {

    /** One partition per (node, video), named {@code <node>-<video id>}: detect, events. */
    VIDEO,
    /** One partition per node of the plan, named after the node: publish (each node sends its own outbox rows). */
    NODE
}
