package org.edgebatch.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows through one publisher, oldest first, each marked SENT only after its publisher returned. A row
 * whose store is unreachable is tried again with {@link PublishRetry}; once a row has used its tries the store is taken
 * as down for this drain and the rows after it are left untouched. Every row not sent stays PENDING with its error.
 */
public final class OutboxDrain {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);

    private final Outbox outbox;
    private final PublishRetry retry;
    private final RandomGenerator random;

    public OutboxDrain(Outbox outbox, PublishRetry retry, RandomGenerator random) {
        this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
        this.retry = Objects.requireNonNull(retry, "retry must not be null");
        this.random = Objects.requireNonNull(random, "random must not be null");
    }

    /** What a drain did. */
    public record Result(int sent, long bytes, List<OutboxEntry> waiting, List<Failure> failed, String lastTransientError) {

        public Result {
            waiting = List.copyOf(waiting);
            failed = List.copyOf(failed);
        }
    }

    /** A row that failed for a reason time will not fix. */
    public record Failure(OutboxEntry entry, String error) {
    }

    public Result drain(Publisher publisher, List<OutboxEntry> entries) {
        int sent = 0;
        long bytes = 0;
        List<OutboxEntry> waiting = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        String lastTransient = null;
        boolean storeDown = false;
        for (OutboxEntry entry : entries) {
            if (storeDown) {
                waiting.add(entry);
                continue;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    long uploaded = publisher.publish(entry);
                    outbox.markSent(entry.id(), uploaded, publisher.target());
                    sent++;
                    bytes += uploaded;
                    break;
                } catch (RetryablePublishException e) {
                    lastTransient = e.getMessage();
                    if (attempt >= retry.attempts()) {
                        log.warn("event {} not published after {} tries, it stays in the outbox: {}", entry.eventKey(), attempt, e.getMessage());
                        outbox.markFailed(entry.id(), e.getMessage());
                        waiting.add(entry);
                        storeDown = true;
                        break;
                    }
                    sleep(retry.delayAfter(attempt, random).toMillis());
                } catch (RuntimeException e) {
                    log.warn("event {} not published (attempt {}): {}", entry.eventKey(), entry.attempts() + 1, e.getMessage());
                    outbox.markFailed(entry.id(), e.getMessage());
                    failed.add(new Failure(entry, e.getMessage()));
                    break;
                }
            }
        }
        return new Result(sent, bytes, waiting, failed, lastTransient);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting to publish again", e);
        }
    }
}
