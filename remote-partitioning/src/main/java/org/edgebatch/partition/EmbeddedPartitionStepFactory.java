package org.edgebatch.partition;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
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
 * The embedded wiring of a partitioned step: Spring Batch Integration's remote partitioning manager (it sends one
 * request per partition and polls the job repository, with a timeout, until all have ended) → a {@link NodeRouter} →
 * {@link EmbeddedNodeChannels} opened for the step's run (one executor of {@code concurrency} threads per node holding
 * a video) → the {@link PartitionWorker}. The distributed mode keeps the manager and the worker and swaps the channels
 * for a broker.
 */
public final class EmbeddedPartitionStepFactory implements PartitionStepFactory {

    private final JobRepository jobRepository;
    private final PartitionWorker worker;
    private final Duration pollInterval;
    private final Duration timeout;

    public EmbeddedPartitionStepFactory(JobRepository jobRepository, PartitionWorker worker, Duration pollInterval,
                                        Duration timeout) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository must not be null");
        this.worker = Objects.requireNonNull(worker, "worker must not be null");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
    }

    @Override
    public Step partitionedStep(String name, String workerStepName, JobSpec spec) {
        LocalityPartitioner partitioner = new LocalityPartitioner();
        AtomicReference<NodeChannels> channels = new AtomicReference<>();
        DirectChannel requests = new DirectChannel();
        requests.setBeanName(name + "-requests");
        requests.subscribe(new NodeRouter(jobRepository, channels::get));
        return new RemotePartitioningManagerStepBuilder(name, jobRepository)
                .partitioner(workerStepName, partitioner)
                .outputChannel(requests)
                .pollInterval(pollInterval.toMillis())
                .timeout(timeout.toMillis())
                .listener(partitioner)
                .listener(new ChannelLifecycle(partitioner, channels, spec.concurrency(), worker))
                .build();
    }

    /** Opens the node channels when the manager step starts (the plan says which nodes) and closes them when it ends. */
    private record ChannelLifecycle(LocalityPartitioner partitioner, AtomicReference<NodeChannels> channels, int concurrency,
                                    PartitionWorker worker) implements StepExecutionListener {
        @Override
        public void beforeStep(StepExecution stepExecution) {
            channels.set(new EmbeddedNodeChannels(partitioner.plan().nodeIds(), concurrency, worker));
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
