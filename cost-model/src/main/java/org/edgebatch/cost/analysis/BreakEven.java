package org.edgebatch.cost.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.SavingsCalculator;
import org.edgebatch.cost.ScenarioKind;

/** Break-even points: the value of one input at which a provider's savings reach zero (Brent's method). */
public final class BreakEven {

    private static final int MAX_EVALUATIONS = 500;

    private final SavingsCalculator calculator;

    public BreakEven(SavingsCalculator calculator) {
        this.calculator = calculator;
    }

    public BreakEvenResult find(CostInputs base, PriceCatalog provider, Input input, double lo, double hi) {
        SavingsFunction savings = new SavingsFunction(calculator, provider, base, input);
        double atLo = savings.value(lo);
        double atHi = savings.value(hi);
        OptionalDouble root = OptionalDouble.empty();
        if (atLo == 0) {
            root = OptionalDouble.of(lo);
        } else if (atHi == 0) {
            root = OptionalDouble.of(hi);
        } else if (Math.signum(atLo) != Math.signum(atHi)) {
            // Savings are piecewise linear with cent-sized steps, so a tight absolute accuracy is all Brent needs.
            BrentSolver solver = new BrentSolver(1e-12, Math.max(1e-12, (hi - lo) * 1e-12));
            root = OptionalDouble.of(solver.solve(MAX_EVALUATIONS, savings, lo, hi));
        }
        return new BreakEvenResult(provider.label(), input, lo, hi, root, atLo, atHi);
    }

    /**
     * The break-evens worth reporting for this scenario: the retained fraction (0 to 1) for both edge scenarios;
     * for the honest edge also the frames/s per node below which, and the node price above which, edge stops saving.
     */
    public List<BreakEvenResult> standard(CostInputs base) {
        List<BreakEvenResult> results = new ArrayList<>();
        if (calculator.kind() == ScenarioKind.CENTRALIZED) {
            return results;
        }
        for (PriceCatalog provider : calculator.providers()) {
            results.add(find(base, provider, Input.RETAINED_FRACTION, 0, 1));
            if (calculator.kind() == ScenarioKind.EDGE) {
                results.add(find(base, provider, Input.FPS_PER_NODE, 1e-6, 1e4));
                results.add(find(base, provider, Input.PRICE_PER_HOUR, 0, 1e5));
            }
        }
        return results;
    }
}
