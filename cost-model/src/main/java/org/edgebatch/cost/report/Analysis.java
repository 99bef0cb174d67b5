package org.edgebatch.cost.report;

import java.util.List;
import org.edgebatch.cost.analysis.BreakEvenResult;
import org.edgebatch.cost.analysis.MonteCarloResult;
import org.edgebatch.cost.analysis.Sweep;
import org.edgebatch.cost.analysis.Swing;

/** The sensitivity part of a report: sweeps, tornado swings, break-evens and (when asked for) a Monte Carlo run. */
public record Analysis(Sweep retainedFraction, Sweep imagesAnalysed, List<Swing> tornado,
                       List<BreakEvenResult> breakEvens, MonteCarloResult monteCarlo) {

    public Analysis {
        tornado = List.copyOf(tornado);
        breakEvens = List.copyOf(breakEvens);
    }
}
