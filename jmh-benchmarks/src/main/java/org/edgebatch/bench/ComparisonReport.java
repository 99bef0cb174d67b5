package org.edgebatch.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The comparison's results as a Markdown table for people and JSON for tools. */
record ComparisonReport(AlternatingComparison.ComparisonSettings settings, List<ModelComparison> models) {

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "Inference at %d intra-op threads, %d alternating rounds (median of per-round ratios; lower is faster for FFM)%n%n",
                InferenceBenchmark.THREADS, settings.rounds()));
        text.append("| model | FFM ms | Java API ms | Java API pinned ms | FFM / Java API | FFM / pinned | FFM B/op | Java API B/op | pinned B/op | idle B/op |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelComparison model : models) {
            ModelComparison.RatioSummary jni = model.ffmRatio().get("jni");
            ModelComparison.RatioSummary pinned = model.ffmRatio().get("jniPinned");
            text.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %.1f | %.1f | %.1f | %.1f |%n",
                    model.model(), model.medianMillis().get("ffm"), model.medianMillis().get("jni"),
                    model.medianMillis().get("jniPinned"), jni.median(), jni.min(), jni.max(), pinned.median(),
                    pinned.min(), pinned.max(), model.bytesPerOp().get("ffm"), model.bytesPerOp().get("jni"),
                    model.bytesPerOp().get("jniPinned"), model.bytesPerOp().get("idle")));
        }
        text.append(String.format(Locale.ROOT, "%nB/op is JMH's -prof gc, which counts every thread of the JVM; idle parks %d ms"
                + " per operation and allocates nothing itself, so its B/op is the harness's floor.%n", InferenceBenchmark.IDLE_MILLIS));
        text.append("\nWhole detect calls (FFM), per-call share of letterbox + decode + NMS next to inference, on a 1920×1080 frame"
                + " and on the same frame at the size the job's decoder delivers (scaled to fit the model input)\n\n");
        text.append("| model | frame | calls | preprocess ms | inference ms | decode+NMS ms | (pre+post)/inference median | p90 |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        for (ModelComparison model : models) {
            stageRow(text, model.model(), "1920×1080", model.stages());
            stageRow(text, model.model(), "job-decoded", model.decodedStages());
        }
        return text.toString();
    }

    private static void stageRow(StringBuilder text, String model, String frame, StageShares stages) {
        text.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.2f | %.3f | %.2f%% | %.2f%% |%n", model, frame,
                stages.calls(), stages.preprocessMillis(), stages.inferenceMillis(), stages.postprocessMillis(),
                100 * stages.medianOverheadShare(), 100 * stages.p90OverheadShare()));
    }

    String json() {
        return models.stream().map(ComparisonReport::json).collect(Collectors.joining(",\n  ",
                String.format(Locale.ROOT, "{\"threads\": %d, \"rounds\": %d, \"models\": [%n  ", InferenceBenchmark.THREADS,
                        settings.rounds()), "\n]}\n"));
    }

    private static String json(ModelComparison model) {
        return String.format(Locale.ROOT,
                "{\"model\": \"%s\", \"medianMillis\": %s, \"bytesPerOp\": %s, \"ffmRatio\": {%s},"
                        + " \"stages\": %s, \"decodedFrameStages\": %s}",
                model.model(), object(model.medianMillis()), object(model.bytesPerOp()),
                model.ffmRatio().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> String.format(Locale.ROOT, "\"%s\": {\"median\": %s, \"min\": %s, \"max\": %s}",
                                e.getKey(), number(e.getValue().median()), number(e.getValue().min()),
                                number(e.getValue().max())))
                        .collect(Collectors.joining(", ")),
                json(model.stages()), json(model.decodedStages()));
    }

    private static String json(StageShares s) {
        return String.format(Locale.ROOT, "{\"calls\": %d, \"preprocessMillis\": %s, \"inferenceMillis\": %s,"
                        + " \"postprocessMillis\": %s, \"medianOverheadShare\": %s, \"p90OverheadShare\": %s}",
                s.calls(), number(s.preprocessMillis()), number(s.inferenceMillis()), number(s.postprocessMillis()),
                number(s.medianOverheadShare()), number(s.p90OverheadShare()));
    }

    private static String object(java.util.Map<String, Double> values) {
        return values.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> "\"" + e.getKey() + "\": " + number(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "null";
    }
}
