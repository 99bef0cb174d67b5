package org.edgebatch.partition;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.integration.channel.ExecutorChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The nodes of an embedded run, each an {@link ExecutorChannel} whose executor has {@code concurrency} threads (named
 * {@code node-<id>-<n>}): a node runs at most that many partitions at once, the rest wait in its queue. Every
 * channel delivers to the same worker endpoint, which runs the partition on the thread that took it.
 */
public final class EmbeddedNodeChannels extends MapNodeChannels {

    private final Map<String, ThreadPoolTaskExecutor> executors = new TreeMap<>();

    /**
     * @param worker      the endpoint that runs a request (typically a {@link PartitionWorker} adapter)
     * @param concurrency threads (partitions at once) per node, at least 1
     */
    public EmbeddedNodeChannels(Collection<String> nodeIds, int concurrency, MessageHandler worker) {
        Objects.requireNonNull(worker, "worker must not be null");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        for (String nodeId : nodeIds) {
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setCorePoolSize(concurrency);
            executor.setMaxPoolSize(concurrency);
            executor.setThreadNamePrefix("node-" + nodeId + "-");
            // On a normal end every partition has finished; after a manager timeout, running partitions are interrupted.
            executor.setWaitForTasksToCompleteOnShutdown(false);
            executor.setAwaitTerminationSeconds(60);
            executor.initialize();
            ExecutorChannel channel = new ExecutorChannel(executor);
            channel.setBeanName("node-" + nodeId);
            channel.subscribe(worker);
            executors.put(nodeId, executor);
            put(nodeId, channel);
        }
    }

    @Override
    public void close() {
        executors.values().forEach(ThreadPoolTaskExecutor::shutdown);
    }
}
