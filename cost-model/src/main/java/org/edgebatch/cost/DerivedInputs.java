package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Cost inputs together with where each came from (scenario file, footage model, a measured run, a flag). */
public record DerivedInputs(CostInputs values, Map<Input, String> sources) {

    public DerivedInputs {
        sources = Collections.unmodifiableMap(new EnumMap<>(sources));
    }

    /** A copy with {@code input} set to {@code value}, recorded as coming from {@code source}. */
    public DerivedInputs override(Input input, BigDecimal value, String source) {
        Map<Input, String> newSources = new EnumMap<>(sources);
        newSources.put(input, source);
        return new DerivedInputs(values.with(input, value), newSources);
    }

    public String source(Input input) {
        return sources.getOrDefault(input, "");
    }
}
