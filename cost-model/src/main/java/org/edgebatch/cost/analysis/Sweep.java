package org.edgebatch.cost.analysis;

import java.util.List;
import org.edgebatch.cost.Input;

/** Savings of each provider over a range of one input (the others at their base values). */
public record Sweep(Input input, double[] values, List<Series> series) {

    /** One provider's savings at each of the sweep's values. */
    public record Series(String provider, double[] savings) {
    }

    public Sweep {
        series = List.copyOf(series);
    }
}
