package org.edgebatch.partition.amqp;

import java.util.Objects;
import java.util.Set;
import org.edgebatch.partition.NodeChannels;
import org.edgebatch.partition.NodeChannelsFactory;
import org.springframework.amqp.core.AmqpAdmin;

/**
 * Opens {@link AmqpNodeChannels} for a step's nodes, declaring their queues first: a request for a node whose worker
 * is not consuming yet waits in its queue instead of being dropped as unroutable.
 */
public final class AmqpNodeChannelsFactory implements NodeChannelsFactory {

    private final PartitionRequestSender sender;
    private final AmqpAdmin admin;
    private final AmqpTopology topology;

    public AmqpNodeChannelsFactory(PartitionRequestSender sender, AmqpAdmin admin, AmqpTopology topology) {
        this.sender = Objects.requireNonNull(sender, "sender must not be null");
        this.admin = Objects.requireNonNull(admin, "admin must not be null");
        this.topology = Objects.requireNonNull(topology, "topology must not be null");
    }

    @Override
    public NodeChannels open(Set<String> nodeIds, int concurrency) {
        // A remote worker runs as many partitions at once as its own --concurrency says; the spec's applies embedded.
        topology.declare(admin, nodeIds);
        return new AmqpNodeChannels(nodeIds, sender);
    }
}
