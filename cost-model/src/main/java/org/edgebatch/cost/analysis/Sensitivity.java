package org.edgebatch.cost.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.SavingsCalculator;
import org.edgebatch.cost.UncertainInput;

/** Savings as a function of one input at a time: sweeps (for charts) and 5th-to-95th percentile swings (tornado). */
public final class Sensitivity {

    private final SavingsCalculator calculator;

    public Sensitivity(SavingsCalculator calculator) {
        this.calculator = calculator;
    }

    public Sweep sweep(CostInputs base, Input input, double[] values) {
        List<Sweep.Series> series = new ArrayList<>();
        for (PriceCatalog provider : calculator.providers()) {
            SavingsFunction function = new SavingsFunction(calculator, provider, base, input);
            double[] savings = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                savings[i] = function.value(values[i]);
            }
            series.add(new Sweep.Series(provider.label(), savings));
        }
        return new Sweep(input, values.clone(), series);
    }

    /** Retained fraction from 0 to 1 in steps of 0.05. */
    public Sweep retainedFraction(CostInputs base) {
        double[] values = new double[21];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.05;
        }
        return sweep(base, Input.RETAINED_FRACTION, values);
    }

    /** Images analysed from a tenth of the base to four times it. */
    public Sweep imagesAnalysed(CostInputs base) {
        double baseImages = Math.max(base.images().doubleValue(), 1);
        double[] values = new double[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.rint(baseImages * (0.1 + i * (4.0 - 0.1) / (values.length - 1)));
        }
        return sweep(base, Input.IMAGES, values);
    }

    /** For each uncertain input and provider: savings at the input's 5th and 95th percentiles, widest first. */
    public List<Swing> tornado(CostInputs base, List<UncertainInput> uncertain) {
        List<Swing> swings = new ArrayList<>();
        for (UncertainInput each : uncertain) {
            // The percentiles need no random numbers; the generator only satisfies the constructor.
            TruncatedDistribution distribution = new TruncatedDistribution(each, new Well19937c(0));
            double low = distribution.quantile(0.05);
            double high = distribution.quantile(0.95);
            for (PriceCatalog provider : calculator.providers()) {
                SavingsFunction function = new SavingsFunction(calculator, provider, base, each.input());
                swings.add(new Swing(provider.label(), each.input().key(), low, high, function.value(low), function.value(high)));
            }
        }
        swings.sort(Comparator.comparingDouble(Swing::width).reversed());
        return swings;
    }
}
