package org.edgebatch.cost.analysis;

import java.math.BigDecimal;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.SavingsCalculator;

/** One provider's savings as a function of one input, the others held at their base values. */
final class SavingsFunction implements UnivariateFunction {

    private final SavingsCalculator calculator;
    private final PriceCatalog provider;
    private final CostInputs base;
    private final Input input;

    SavingsFunction(SavingsCalculator calculator, PriceCatalog provider, CostInputs base, Input input) {
        this.calculator = calculator;
        this.provider = provider;
        this.base = base;
        this.input = input;
    }

    @Override
    public double value(double x) {
        return savings(calculator, provider, base.with(input, BigDecimal.valueOf(input.clamp(x))));
    }

    static double savings(SavingsCalculator calculator, PriceCatalog provider, CostInputs inputs) {
        return calculator.compare(provider, inputs).savings()
                .orElseThrow(() -> new IllegalStateException("the " + calculator.kind() + " scenario has no savings to analyse"))
                .doubleValue();
    }
}
