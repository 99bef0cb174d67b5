package org.edgebatch.bench;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One model's verdict: each binding's median latency and allocation over its blocks, and FFM's latency as a ratio of
 * each Java-API variant, taken round by round (blocks of one round ran minutes apart at most) and then the median.
 */
record ModelComparison(String model, Map<String, Double> medianMillis, Map<String, Double> bytesPerOp,
        Map<String, RatioSummary> ffmRatio, StageShares stages, StageShares decodedStages) {

    static ModelComparison of(String model, Map<String, List<AlternatingComparison.Block>> blocks, StageShares stages,
            StageShares decodedStages) {
        List<AlternatingComparison.Block> ffm = blocks.get("ffm");
        Map<String, Double> millis = new java.util.LinkedHashMap<>();
        Map<String, Double> bytes = new java.util.LinkedHashMap<>();
        Map<String, RatioSummary> ratios = new java.util.LinkedHashMap<>();
        blocks.forEach((binding, list) -> {
            millis.put(binding, median(list.stream().mapToDouble(AlternatingComparison.Block::medianMillis).toArray()));
            bytes.put(binding, median(list.stream().mapToDouble(AlternatingComparison.Block::bytesPerOp).toArray()));
            if (binding.startsWith("jni")) {
                double[] perRound = new double[Math.min(ffm.size(), list.size())];
                for (int i = 0; i < perRound.length; i++) {
                    perRound[i] = ffm.get(i).medianMillis() / list.get(i).medianMillis();
                }
                ratios.put(binding, RatioSummary.of(perRound));
            }
        });
        return new ModelComparison(model, Map.copyOf(millis), Map.copyOf(bytes), Map.copyOf(ratios), stages, decodedStages);
    }

    static double median(double[] values) {
        return values.length == 0 ? Double.NaN : new Median().evaluate(values);
    }

    /** The median, lowest and highest of per-round ratios. */
    record RatioSummary(double median, double min, double max, int rounds) {

        static RatioSummary of(double[] ratios) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double ratio : ratios) {
                min = Math.min(min, ratio);
                max = Math.max(max, ratio);
            }
            return new RatioSummary(ModelComparison.median(ratios), min, max, ratios.length);
        }
    }
}
