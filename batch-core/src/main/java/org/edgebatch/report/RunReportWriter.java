package org.edgebatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.edgebatch.output.OutputLayout;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link RunReport} as {@code <output>/runs/<repository>/<jobExecutionId>/report.json} (see
 * {@link OutputLayout}), whole or not at all.
 */
public final class RunReportWriter {

    public static final String FILE_NAME = OutputLayout.REPORT_FILE;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutputLayout layout;

    public RunReportWriter(OutputLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
    }

    /** The report as the JSON the file holds. */
    public static String toJson(RunReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    public Path write(RunReport report, Path output) throws IOException {
        Path file = layout.runReport(output, report.jobExecutionId());
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".part");
        try {
            Files.writeString(partial, toJson(report));
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }
}
