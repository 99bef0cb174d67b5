package org.edgebatch.detect;

import java.util.Arrays;

/**
 * Class-aware greedy non-maximum suppression with torchvision's {@code batched_nms} semantics: boxes of
 * different classes never suppress each other; boxes are visited by descending score (equal scores in
 * the order they were added); a box is dropped when its IoU with a kept box of its class is strictly
 * above the threshold; areas are {@code (x2 − x1)·(y2 − y1)}, without +1. Not thread-safe (scratch arrays).
 */
public final class NonMaxSuppression {

    private long[] order = new long[0];
    private boolean[] suppressed = new boolean[0];

    /** Indices into {@code candidates} of the boxes kept, at most {@code maxDetections}, by descending score. */
    public int[] select(Candidates candidates, float iouThreshold, int maxDetections) {
        int n = candidates.size();
        if (maxDetections <= 0 || n == 0) {
            return new int[0];
        }
        if (order.length < n) {
            order = new long[n];
            suppressed = new boolean[n];
        }
        for (int i = 0; i < n; i++) {
            // Descending score, then ascending index, in one primitive sort: the high word orders scores.
            order[i] = (long) ~sortable(candidates.score(i)) << 32 | i;
        }
        Arrays.sort(order, 0, n);
        Arrays.fill(suppressed, 0, n, false);
        int[] kept = new int[Math.min(n, maxDetections)];
        int count = 0;
        for (int a = 0; a < n && count < kept.length; a++) {
            if (suppressed[a]) {
                continue;
            }
            int i = (int) order[a];
            kept[count++] = i;
            int classId = candidates.classId(i);
            float ix1 = candidates.x1(i);
            float iy1 = candidates.y1(i);
            float ix2 = candidates.x2(i);
            float iy2 = candidates.y2(i);
            float area = (ix2 - ix1) * (iy2 - iy1);
            for (int b = a + 1; b < n; b++) {
                if (suppressed[b]) {
                    continue;
                }
                int j = (int) order[b];
                if (candidates.classId(j) != classId) {
                    continue;
                }
                float w = Math.max(0f, Math.min(ix2, candidates.x2(j)) - Math.max(ix1, candidates.x1(j)));
                float h = Math.max(0f, Math.min(iy2, candidates.y2(j)) - Math.max(iy1, candidates.y1(j)));
                float intersection = w * h;
                float otherArea = (candidates.x2(j) - candidates.x1(j)) * (candidates.y2(j) - candidates.y1(j));
                if (intersection / (area + otherArea - intersection) > iouThreshold) {
                    suppressed[b] = true;
                }
            }
        }
        return count == kept.length ? kept : Arrays.copyOf(kept, count);
    }

    /** An int that orders like the float (negative scores and -0.0 included). */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits ^ (bits >> 31 & 0x7fffffff);
    }
}
