package org.edgebatch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.edgebatch.job.Progress;

/**
 * Shows a running job's progress on stderr while the command waits for it: on a terminal one line updated in place,
 * otherwise a plain line every few seconds (only when something moved). Polls the job repository, so it shows what
 * has been committed.
 */
final class ProgressMonitor implements AutoCloseable {

    /** How progress is shown: a bar on a terminal, log lines otherwise ({@code auto}), or always one way, or not at all. */
    enum Mode {
        AUTO, BAR, LOG, NONE;

        Mode resolve() {
            if (this != AUTO) {
                return this;
            }
            return interactive() ? BAR : LOG;
        }

        /** A terminal a person watches: a console that is a terminal, and not a dumb one. */
        static boolean interactive() {
            var console = System.console();
            return console != null && console.isTerminal() && !"dumb".equals(System.getenv("TERM"));
        }
    }

    static final Duration BAR_INTERVAL = Duration.ofMillis(500);
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final LongFunction<Progress> source;
    private final long executionId;
    private final PrintWriter err;
    private final Mode mode;
    private final ProgressFormatter formatter = new ProgressFormatter();
    private final ScheduledExecutorService poller;
    private String last = "";
    private int width;

    private ProgressMonitor(LongFunction<Progress> source, long executionId, PrintWriter err, Mode mode, Duration interval) {
        this.source = source;
        this.executionId = executionId;
        this.err = err;
        this.mode = mode;
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("edgebatch-progress").factory());
        if (mode != Mode.NONE) {
            poller.scheduleWithFixedDelay(this::show, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts showing the progress of {@code executionId}, read through {@code source}. */
    static ProgressMonitor start(LongFunction<Progress> source, long executionId, PrintWriter err, Mode mode) {
        Mode resolved = mode.resolve();
        return new ProgressMonitor(source, executionId, err, resolved, resolved == Mode.BAR ? BAR_INTERVAL : LOG_INTERVAL);
    }

    private synchronized void show() {
        Progress progress;
        try {
            progress = source.apply(executionId);
        } catch (RuntimeException e) {
            // A busy or briefly unreachable repository only delays the next line.
            return;
        }
        String text = mode == Mode.BAR ? formatter.bar(progress) : formatter.line(progress);
        if (text.equals(last)) {
            return;
        }
        last = text;
        if (mode == Mode.BAR) {
            // Pad over the previous line's tail rather than rely on terminal escape codes.
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            width = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Stops polling; a terminal line gets its final state and a line break. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (mode == Mode.BAR) {
            show();
            synchronized (this) {
                err.println();
                err.flush();
            }
        }
    }
}
