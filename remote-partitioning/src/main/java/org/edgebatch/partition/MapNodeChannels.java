package org.edgebatch.partition;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.messaging.MessageChannel;

/** {@link NodeChannels} kept in a map by node id, which both modes' channels are. */
public abstract class MapNodeChannels implements NodeChannels {

    private final Map<String, MessageChannel> channels = new TreeMap<>();

    /** Adds a node's channel (while the subclass is being made). */
    protected final void put(String nodeId, MessageChannel channel) {
        channels.put(nodeId, channel);
    }

    @Override
    public Set<String> nodeIds() {
        return Collections.unmodifiableSet(channels.keySet());
    }

    @Override
    public MessageChannel channel(String nodeId) {
        MessageChannel channel = channels.get(nodeId);
        if (channel == null) {
            throw new IllegalArgumentException("node '" + nodeId + "' has no channel here; nodes: " + channels.keySet());
        }
        return channel;
    }
}
