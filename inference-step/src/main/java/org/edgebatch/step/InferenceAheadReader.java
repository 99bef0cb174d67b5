package org.edgebatch.step;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.edgebatch.detect.Detection;
import org.edgebatch.detect.Detector;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Starts inference on frames as soon as they are read, up to {@code window} frames ahead of the one the step is
 * handed, on the node's inference threads. Spring Batch's own concurrent processing waits for a whole chunk before
 * writing it, leaving the threads idle at every chunk's end; reading ahead keeps them busy across chunk boundaries.
 *
 * <p>Restart stays exact: with every frame read ahead this reader keeps the delegate's ExecutionContext state right
 * after it, and {@link #update} saves the state of the last frame handed out, so a restart resumes after the last
 * committed frame and frames inferred ahead of it are simply inferred again. Read errors come out in order, thrown by
 * {@link #read} where the delegate threw them. {@link DetectProcessor} turns a {@link PendingFrame} into its row.
 */
public class InferenceAheadReader implements ItemStreamReader<PendingFrame> {

    private sealed interface Ahead {
        ExecutionContext state();
    }

    private record Frame(PendingFrame frame, ExecutionContext state) implements Ahead {
    }

    private record Failure(Exception error, ExecutionContext state) implements Ahead {
    }

    private final ItemStreamReader<GatedFrame> frames;
    private final Detector detector;
    private final Executor executor;
    private final int window;
    private final ArrayDeque<Ahead> ahead = new ArrayDeque<>();
    private boolean exhausted;
    private ExecutionContext lastState;

    /** @param window frames inferred or being inferred ahead of the step, at least 1 */
    public InferenceAheadReader(ItemStreamReader<GatedFrame> frames, Detector detector, Executor executor, int window) {
        this.frames = Objects.requireNonNull(frames, "frames must not be null");
        this.detector = Objects.requireNonNull(detector, "detector must not be null");
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.window = window;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        frames.open(executionContext);
        ahead.clear();
        exhausted = false;
        lastState = null;
    }

    @Override
    public PendingFrame read() throws Exception {
        while (!exhausted && ahead.size() < window) {
            readAhead();
        }
        Ahead next = ahead.poll();
        if (next == null) {
            return null;
        }
        lastState = next.state();
        return switch (next) {
            case Frame frame -> frame.frame();
            case Failure failure -> throw failure.error();
        };
    }

    private void readAhead() {
        GatedFrame gated;
        try {
            gated = frames.read();
        } catch (Exception e) {
            // Fatal errors end the reading; the others (an undecodable frame) leave it where it was.
            exhausted = !(e instanceof FrameParseException);
            ahead.add(new Failure(e, StreamState.of(frames)));
            return;
        }
        if (gated == null) {
            exhausted = true;
            return;
        }
        CompletableFuture<List<Detection>> detections = gated.infer()
                ? CompletableFuture.supplyAsync(() -> detector.detect(gated.frame().image()).detections(), executor)
                : CompletableFuture.completedFuture(List.of());
        ahead.add(new Frame(new PendingFrame(gated, detections), StreamState.of(frames)));
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (lastState != null) {
            StreamState.copy(lastState, executionContext);
        } else {
            frames.update(executionContext);
        }
    }

    @Override
    public void close() {
        // Inferences still running use the node's detector: let them end before the step (and maybe the job) does.
        for (Ahead item : ahead) {
            if (item instanceof Frame frame) {
                frame.frame().detections().exceptionally(e -> List.of()).join();
            }
        }
        ahead.clear();
        try {
            frames.close();
        } catch (RuntimeException e) {
            throw new ItemStreamException("closing the frame reader failed", e);
        }
    }
}
