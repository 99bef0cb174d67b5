package org.edgebatch.bench;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.edgebatch.detect.DetectionResult;

/**
 * What whole detect calls spent per stage: medians of pre-processing, inference and decode + NMS, and the median and
 * 90th percentile of (pre + post) / inference taken call by call, so a slow minute of the machine slows both sides of
 * each ratio alike.
 */
record StageShares(int calls, double preprocessMillis, double inferenceMillis, double postprocessMillis,
        double medianOverheadShare, double p90OverheadShare) {

    static StageShares of(List<DetectionResult> results) {
        int n = results.size();
        double[] pre = new double[n];
        double[] infer = new double[n];
        double[] post = new double[n];
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            DetectionResult result = results.get(i);
            pre[i] = result.preprocessTime().toNanos() / 1e6;
            infer[i] = result.inferenceTime().toNanos() / 1e6;
            post[i] = result.postprocessTime().toNanos() / 1e6;
            share[i] = (pre[i] + post[i]) / infer[i];
        }
        return new StageShares(n, percentile(pre, 50), percentile(infer, 50), percentile(post, 50),
                percentile(share, 50), percentile(share, 90));
    }

    private static double percentile(double[] values, double p) {
        return values.length == 0 ? Double.NaN : new Percentile().evaluate(values, p);
    }
}
