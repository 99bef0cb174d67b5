package org.edgebatch.publish;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import org.edgebatch.spec.PublishSpec;

/**
 * Sends what earlier runs left in the outbox, outside any job ({@code edgebatch publish}): the PENDING rows of one job
 * or of all, through the publisher of the spec each row's job instance ran with. Rows whose files are not on this
 * machine (another node's) are left for that node and counted.
 */
public final class PendingUploads {

    private final Outbox outbox;
    private final Publishers publishers;
    private final OutboxDrain drain;
    private final LongFunction<PublishSpec> specOfInstance;

    /** @param specOfInstance the publish settings a job instance ran with */
    public PendingUploads(Outbox outbox, Publishers publishers, OutboxDrain drain, LongFunction<PublishSpec> specOfInstance) {
        this.outbox = Objects.requireNonNull(outbox, "outbox must not be null");
        this.publishers = Objects.requireNonNull(publishers, "publishers must not be null");
        this.drain = Objects.requireNonNull(drain, "drain must not be null");
        this.specOfInstance = Objects.requireNonNull(specOfInstance, "specOfInstance must not be null");
    }

    /** What one pass sent and left, per target. */
    public record Pass(List<TargetResult> targets, int elsewhere) {

        public Pass {
            targets = List.copyOf(targets);
        }

        public int sent() {
            return targets.stream().mapToInt(t -> t.result().sent()).sum();
        }

        public int waiting() {
            return targets.stream().mapToInt(t -> t.result().waiting().size()).sum();
        }

        public int failed() {
            return targets.stream().mapToInt(t -> t.result().failed().size()).sum();
        }
    }

    /** One target's outcome. */
    public record TargetResult(String target, OutboxDrain.Result result) {
    }

    /** @param jobName the job whose rows to send; {@code null} for every job */
    public Pass sendOnce(String jobName) {
        List<OutboxEntry> rows = jobName == null ? outbox.pending() : outbox.pending(jobName);
        Map<PublishSpec, List<OutboxEntry>> byTarget = new LinkedHashMap<>();
        Map<Long, PublishSpec> specs = new LinkedHashMap<>();
        int elsewhere = 0;
        for (OutboxEntry row : rows) {
            if (!row.files().stream().allMatch(Files::isRegularFile)) {
                elsewhere++;
                continue;
            }
            PublishSpec spec = specs.computeIfAbsent(row.jobInstanceId(), specOfInstance::apply);
            byTarget.computeIfAbsent(spec, s -> new ArrayList<>()).add(row);
        }
        List<TargetResult> results = new ArrayList<>();
        for (Map.Entry<PublishSpec, List<OutboxEntry>> target : byTarget.entrySet()) {
            var opened = publishers.of(target.getKey());
            if (opened.isEmpty()) {
                continue;
            }
            try (Publisher publisher = opened.get()) {
                results.add(new TargetResult(publisher.target(), drain.drain(publisher, target.getValue())));
            }
        }
        return new Pass(results, elsewhere);
    }
}
