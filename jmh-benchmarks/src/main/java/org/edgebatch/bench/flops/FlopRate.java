package org.edgebatch.bench.flops;

/**
 * One model's work and speed: its FLOPs per inference, the median latency of a detection at some thread count,
 * the GFLOP/s that makes, and the fraction of the CPU's ceiling (NaN when the ceiling is unknown).
 */
public record FlopRate(String model, FlopCount count, int threads, double medianMillis, double achievedGflops,
                       double ceilingFraction) {

    /** The rate of {@code count} at {@code medianMillis} per inference against {@code ceilingGflops}. */
    public static FlopRate of(String model, FlopCount count, int threads, double medianMillis, double ceilingGflops) {
        double achieved = count.gflops() / (medianMillis / 1000);
        return new FlopRate(model, count, threads, medianMillis, achieved,
                ceilingGflops > 0 ? achieved / ceilingGflops : Double.NaN);
    }
}
