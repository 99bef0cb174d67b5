package org.edgebatch.cost.report;

/** The formats {@code edgebatch cost} writes. */
public enum ReportFormat {
    TEXT, MD, CSV, JSON, HTML;

    /** Markdown and HTML always carry the charts, which need the sensitivity sweeps. */
    public boolean needsAnalysis() {
        return this == MD || this == HTML;
    }
}
