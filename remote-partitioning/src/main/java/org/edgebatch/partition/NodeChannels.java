package org.edgebatch.partition;

import java.util.Set;
import org.springframework.messaging.MessageChannel;

/**
 * One message channel per node: a partition request sent to a node's channel is run by a worker on that node. The
 * embedded implementation is in-JVM executor channels; the distributed one is a broker queue per node.
 */
public interface NodeChannels extends AutoCloseable {

    /** The message header naming the node a request is for. */
    String NODE_HEADER = "edgebatch_node";

    /** The message header with the id of the job execution a request's partition belongs to. */
    String JOB_EXECUTION_HEADER = "edgebatch_job_execution";

    /** The nodes that have a channel. */
    Set<String> nodeIds();

    /**
     * The channel of a node.
     *
     * @throws IllegalArgumentException for a node without a channel, listing those that have one
     */
    MessageChannel channel(String nodeId);

    /** Stops taking requests; waits for those running to end. */
    @Override
    void close();
}
