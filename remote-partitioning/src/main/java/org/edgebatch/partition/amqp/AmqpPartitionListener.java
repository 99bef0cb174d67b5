package org.edgebatch.partition.amqp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.edgebatch.partition.PartitionWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.acks.AcknowledgmentCallback;
import org.springframework.integration.amqp.inbound.AmqpMessageSource;
import org.springframework.integration.StaticMessageHeaderAccessor;

/**
 * The worker's listening side in distributed mode: {@code concurrency} threads, each taking one request at a time from
 * the node's queue (Spring Integration's polled AMQP source, {@code basic.get}) only when it is free, so a worker never
 * holds a request it is not working on (a pushed, prefetched one would wait behind a long partition while another
 * worker thread idles). A request is acknowledged once its partition is claimed in the job repository (the claim now
 * stands for it; a worker dying later is seen by its heart-beat); one that cannot be read is rejected without requeue,
 * so it goes to the dead-letter queue once and never loops; while the repository cannot be reached, the request goes
 * back to its queue and the thread waits before trying again.
 */
public final class AmqpPartitionListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmqpPartitionListener.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final AmqpMessageSource source;
    private final PartitionRequestCodec codec;
    private final PartitionWorker worker;
    private final String queue;
    private final Duration idlePoll;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopping = lock.newCondition();

    /**
     * @param idlePoll how long a free thread waits before looking at an empty queue again
     */
    public AmqpPartitionListener(ConnectionFactory connectionFactory, String queue, PartitionRequestCodec codec,
                                 PartitionWorker worker, Duration idlePoll, BeanFactory beanFactory) {
        this.queue = Objects.requireNonNull(queue, "queue must not be null");
        this.codec = Objects.requireNonNull(codec, "codec must not be null");
        this.worker = Objects.requireNonNull(worker, "worker must not be null");
        this.idlePoll = Objects.requireNonNull(idlePoll, "idlePoll must not be null");
        this.source = new AmqpMessageSource(connectionFactory, queue);
        // Bodies are read by the codec alone: nothing on the wire picks a class to deserialize.
        this.source.setMessageConverter(new RawBodyConverter());
        this.source.setBeanName("partition-requests-" + queue);
        this.source.setBeanFactory(beanFactory);
    }

    /** Starts {@code concurrency} listening threads. */
    public void start(int concurrency) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 1; i <= concurrency; i++) {
            Thread thread = Thread.ofPlatform().name("partition-listener-" + i).start(this::listen);
            threads.add(thread);
        }
    }

    private void listen() {
        Duration backoff = idlePoll;
        while (running.get()) {
            org.springframework.messaging.Message<?> message;
            try {
                message = source.receive();
                backoff = idlePoll;
            } catch (RuntimeException e) {
                log.warn("cannot take requests from queue {} now: {}", queue, e.getMessage());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            if (message == null) {
                pause(idlePoll);
                continue;
            }
            handle(message);
        }
    }

    private void handle(org.springframework.messaging.Message<?> message) {
        AcknowledgmentCallback ack = StaticMessageHeaderAccessor.getAcknowledgmentCallback(message);
        Objects.requireNonNull(ack, "a polled AMQP message carries its acknowledgment callback");
        ack.noAutoAck();
        StepExecutionRequest request;
        try {
            request = codec.decode((byte[]) message.getPayload());
        } catch (PartitionRequestCodec.MalformedRequestException | ClassCastException e) {
            log.error("rejecting a message from {} to the dead-letter queue: {}", queue, e.getMessage());
            ack.acknowledge(AcknowledgmentCallback.Status.REJECT);
            return;
        }
        try {
            worker.handle(request, () -> ack.acknowledge(AcknowledgmentCallback.Status.ACCEPT));
            if (!ack.isAcknowledged()) {
                // Dropped: a stale or duplicate request. It has nothing left to do.
                ack.acknowledge(AcknowledgmentCallback.Status.ACCEPT);
            }
        } catch (RuntimeException e) {
            // The job repository is away: the request goes back for this or another thread to take later.
            log.warn("request {} goes back to {}: {}", request.getStepExecutionId(), queue, e.getMessage());
            if (!ack.isAcknowledged()) {
                try {
                    ack.acknowledge(AcknowledgmentCallback.Status.REQUEUE);
                } catch (RuntimeException requeueFailed) {
                    // The channel is gone too; the broker requeues what a closed channel did not acknowledge.
                    log.warn("request {} not requeued explicitly: {}", request.getStepExecutionId(), requeueFailed.getMessage());
                }
            }
            pause(MAX_BACKOFF);
        }
    }

    private void pause(Duration duration) {
        lock.lock();
        try {
            if (running.get()) {
                stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more requests; partitions running now go on (stop them through the {@link PartitionWorker}). */
    public void stopTaking() {
        running.set(false);
        lock.lock();
        try {
            stopping.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for the listening threads (and the partitions they run) to end. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        stopTaking();
    }

    /** Hands a message's body over as it came. */
    private static final class RawBodyConverter implements MessageConverter {
        @Override
        public Message toMessage(Object object, org.springframework.amqp.core.MessageProperties messageProperties) {
            throw new UnsupportedOperationException("the partition listener only reads");
        }

        @Override
        public Object fromMessage(Message message) {
            return message.getBody();
        }
    }
}
