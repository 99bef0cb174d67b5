package org.edgebatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-screen text summary of a run report, per node and in total, as the command line prints it. */
public final class RunSummary {

    private RunSummary() {
    }

    public static String format(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Job %s, execution %d: %s%n", report.jobName(), report.jobExecutionId(), report.status()));
        out.append(String.format(Locale.ROOT, "Model %s (%s)%n%n", report.model().path(), report.model().provider()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"node", "files", "decoded", "inferred", "motion-skip", "undecodable", "detections", "events",
                "scanned", "artifacts", "uploaded", "pending", "video s", "wall s", "fps"});
        report.nodes().forEach(node -> rows.add(row(node.nodeId(), node.totals())));
        if (report.nodes().size() != 1) {
            rows.add(row("total", report.totals()));
        }
        int[] widths = new int[rows.getFirst().length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? String.format("%-" + widths[i] + "s", row[i]) : String.format("%" + widths[i] + "s", row[i]);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
        }
        if (report.totals().pendingUploads() > 0) {
            out.append(String.format(Locale.ROOT, "%n%d event(s) wait in the outbox (pendingUploads): send them with"
                    + " edgebatch publish --job %s%n", report.totals().pendingUploads(), report.jobName()));
        }
        appendLeftOut(report, out);
        out.append(System.lineSeparator()).append(report.events().size()).append(" event(s)");
        report.events().stream().limit(10).forEach(event -> out.append(String.format(Locale.ROOT, "%n  %-10s %7.1f-%7.1f s  %.2f  %s",
                event.label(), event.start(), event.end(), event.maxScore(), event.video())));
        if (report.events().size() > 10) {
            out.append(String.format("%n  ... and %d more (see report.json)", report.events().size() - 10));
        }
        return out.append(System.lineSeparator()).toString();
    }

    /** The files the inventory left out: unreadable ones with their reason, deferred ones as such. */
    private static void appendLeftOut(RunReport report, StringBuilder out) {
        List<RunReport.LeftOut> unreadable = report.leftOut().stream().filter(f -> !"deferred".equals(f.kind())).toList();
        List<RunReport.LeftOut> deferred = report.leftOut().stream().filter(f -> "deferred".equals(f.kind())).toList();
        if (!unreadable.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%n%d file(s) left out, not readable videos:", unreadable.size()));
            unreadable.stream().limit(10).forEach(f -> out.append(String.format(Locale.ROOT, "%n  %s (%s): %s", f.path(), f.node(), f.reason())));
            if (unreadable.size() > 10) {
                out.append(String.format("%n  ... and %d more (see report.json, leftOut)", unreadable.size() - 10));
            }
            out.append(System.lineSeparator());
        }
        if (!deferred.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%n%d file(s) deferred to the next run, modified within input.settleSeconds:",
                    deferred.size()));
            deferred.stream().limit(10).forEach(f -> out.append(String.format(Locale.ROOT, "%n  %s (%s)", f.path(), f.node())));
            if (deferred.size() > 10) {
                out.append(String.format("%n  ... and %d more (see report.json, leftOut)", deferred.size() - 10));
            }
            out.append(System.lineSeparator());
        }
    }

    private static String[] row(String name, RunTotals t) {
        return new String[] {name, Long.toString(t.files()), Long.toString(t.framesDecoded()), Long.toString(t.framesInferred()),
                Long.toString(t.framesSkippedByMotion()), Long.toString(t.framesUndecodable()), Long.toString(t.detections()),
                Long.toString(t.events()), bytes(t.bytesScanned()), bytes(t.bytesEventArtifacts()),
                bytes(t.bytesUploaded()), Long.toString(t.pendingUploads()),
                String.format(Locale.ROOT, "%.1f", t.videoSeconds()), String.format(Locale.ROOT, "%.1f", t.wallSeconds()),
                String.format(Locale.ROOT, "%.1f", t.framesPerSecond())};
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
