package org.edgebatch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.OutboxDrain;
import org.edgebatch.publish.PendingUploads;
import org.edgebatch.publish.PublishRetry;
import org.edgebatch.publish.Publishers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgebatch publish}: sends the events earlier runs left in the outbox (their store was unreachable). */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = EdgeBatchVersion.class,
        description = {"Sends the events still PENDING in the outbox (of one job, or of all) to the target each job's spec"
                + " names, each marked SENT once the target confirmed every file. Events whose files are on another"
                + " machine are left for that machine's publish.",
                "Exit code: 0 when nothing is left waiting on this machine, 1 when events still wait or failed."})
final class PublishCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job's events (default: every job's).")
    String job;

    @Option(names = "--watch", description = "Keep sending: a pass every --interval until interrupted.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds between passes with --watch (default 30).")
    long intervalSeconds;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() throws InterruptedException {
        if (intervalSeconds < 1) {
            throw new CommandRefusal("--interval must be at least 1 second, was " + intervalSeconds);
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        try (JobSession session = JobSession.open(database.url(), commandSpec.commandLine().getErr())) {
            Outbox outbox = session.bean(Outbox.class);
            PendingUploads pending = new PendingUploads(outbox, session.bean(Publishers.class),
                    new OutboxDrain(outbox, PublishRetry.DEFAULT, new SplittableRandom()),
                    instance -> session.specs().load(instance).publish());
            while (true) {
                PendingUploads.Pass pass = pending.sendOnce(job);
                print(out, pass);
                if (!watch) {
                    return pass.waiting() + pass.failed() == 0 ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
                }
                Thread.sleep(Duration.ofSeconds(intervalSeconds));
            }
        }
    }

    private static void print(PrintWriter out, PendingUploads.Pass pass) {
        if (pass.targets().isEmpty()) {
            out.println("No events wait in the outbox on this machine" + (pass.elsewhere() > 0
                    ? " (" + pass.elsewhere() + " wait for other nodes, whose disks hold their files)." : "."));
        }
        for (PendingUploads.TargetResult target : pass.targets()) {
            var result = target.result();
            out.println("Sent " + result.sent() + " event(s) (" + result.bytes() + " bytes) to " + target.target()
                    + (result.waiting().isEmpty() ? "" : "; " + result.waiting().size() + " still wait: " + result.lastTransientError())
                    + (result.failed().isEmpty() ? "" : "; " + result.failed().size() + " failed: " + result.failed().getFirst().error()));
        }
        if (!pass.targets().isEmpty() && pass.elsewhere() > 0) {
            out.println(pass.elsewhere() + " event(s) wait for other nodes, whose disks hold their files.");
        }
        out.flush();
    }
}
