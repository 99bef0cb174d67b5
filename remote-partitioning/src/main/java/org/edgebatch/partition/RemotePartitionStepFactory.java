package org.edgebatch.partition;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.edgebatch.job.PartitionGrain;
import org.edgebatch.job.PartitionStepFactory;
import org.edgebatch.spec.JobSpec;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.integration.channel.DirectChannel;

/**
 * A partitioned step as both modes run it: Spring Batch Integration's remote partitioning manager (it stores one step
 * execution per partition, sends one request each, and polls the job repository, with a timeout, until all have
 * ended) → a {@link NodeRouter} → the {@link NodeChannels} a {@link NodeChannelsFactory} opens for the step's run (one
 * channel per node of the plan) → a {@link PartitionWorker} on that node. Embedded and distributed mode differ only in
 * the channels (and in what watches the nodes while the step waits: {@code stepListeners}).
 */
public final class RemotePartitionStepFactory implements PartitionStepFactory {

    private final JobRepository jobRepository;
    private final NodeChannelsFactory channelsFactory;
    private final Duration pollInterval;
    private final Duration timeout;
    private final List<StepExecutionListener> stepListeners;

    /** @param stepListeners also listen to every manager step (a distributed run's lost-node monitor) */
    public RemotePartitionStepFactory(JobRepository jobRepository, NodeChannelsFactory channelsFactory, Duration pollInterval,
                                      Duration timeout, List<StepExecutionListener> stepListeners) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.channelsFactory = Objects.requireNonNull(channelsFactory, "channelsFactory must not be null");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
        this.stepListeners = List.copyOf(stepListeners);
    }

    @Override
    public Step partitionedStep(String name, String workerStepName, JobSpec spec, PartitionGrain grain) {
        LocalityPartitioner partitioner = new LocalityPartitioner(grain);
        AtomicReference<NodeChannels> channels = new AtomicReference<>();
        DirectChannel requests = new DirectChannel();
        requests.setBeanName(name + "-requests");
        requests.subscribe(new NodeRouter(jobRepository, channels::get));
        RemotePartitioningManagerStepBuilder builder = new RemotePartitioningManagerStepBuilder(name, jobRepository)
                .partitioner(workerStepName, partitioner)
                .outputChannel(requests)
                .pollInterval(pollInterval.toMillis())
                .timeout(timeout.toMillis())
                .listener(partitioner)
                .listener(new ChannelLifecycle(partitioner, channels, spec.concurrency(), channelsFactory));
        stepListeners.forEach(builder::listener);
        return builder.build();
    }

    /** Opens the node channels when the manager step starts (the plan says which nodes) and closes them when it ends. */
    private record ChannelLifecycle(LocalityPartitioner partitioner, AtomicReference<NodeChannels> channels, int concurrency,
                                    NodeChannelsFactory factory) implements StepExecutionListener {
        @Override
        public void beforeStep(StepExecution stepExecution) {
            channels.set(factory.open(partitioner.plan().nodeIds(), concurrency));
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            NodeChannels open = channels.getAndSet(null);
            if (open != null) {
                open.close();
            }
            return stepExecution.getExitStatus();
        }
    }
}
