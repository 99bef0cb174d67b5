package org.edgebatch.step;

import java.util.Objects;
import java.util.function.Supplier;
import org.edgebatch.video.FrameReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Keeps a partition's decoding totals in its ExecutionContext: pictures FFmpeg decoded (including those sampling
 * dropped and those decoded again while seeking on a restart) and frames it could not decode. Totals add up across
 * restarts; {@code <name>.decodedThisExecution} counts this execution alone, for its frame rate.
 */
public class FrameReaderCounters extends ItemStreamSupport {

    /** The name the counters are kept under in the ExecutionContext. */
    public static final String NAME = "frameCounters";

    public static final String DECODED = "decoded";
    public static final String UNDECODABLE = "undecodable";
    public static final String DECODED_THIS_EXECUTION = "decodedThisExecution";

    private final Supplier<FrameReader.ReadStatistics> statistics;
    private long decodedBefore;
    private long undecodableBefore;

    public FrameReaderCounters(Supplier<FrameReader.ReadStatistics> statistics) {
        this.statistics = Objects.requireNonNull(statistics, "statistics must not be null");
        setName(NAME);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        decodedBefore = executionContext.getLong(getExecutionContextKey(DECODED), 0);
        undecodableBefore = executionContext.getLong(getExecutionContextKey(UNDECODABLE), 0);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        FrameReader.ReadStatistics now = statistics.get();
        executionContext.putLong(getExecutionContextKey(DECODED), decodedBefore + now.picturesDecoded());
        executionContext.putLong(getExecutionContextKey(UNDECODABLE), undecodableBefore + now.framesUndecodable());
        executionContext.putLong(getExecutionContextKey(DECODED_THIS_EXECUTION), now.picturesDecoded());
    }
}
