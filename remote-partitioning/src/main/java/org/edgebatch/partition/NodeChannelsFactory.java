package org.edgebatch.partition;

import java.util.Set;

/**
 * Opens the manager's sending side for one partitioned step: a channel per node of the step's plan. Embedded mode
 * opens in-JVM executor channels whose subscriber is this process's {@link PartitionWorker}; distributed mode opens
 * one broker queue per node, which the node's worker process listens to.
 */
public interface NodeChannelsFactory {

    /**
     * @param nodeIds     the nodes the step's partitions go to
     * @param concurrency partitions one node runs at once (the spec's {@code concurrency}); a remote worker has its own
     */
    NodeChannels open(Set<String> nodeIds, int concurrency);
}
