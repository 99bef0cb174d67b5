package org.edgebatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link RunReport} as {@code <output>/runs/<jobExecutionId>/report.json}, whole or not at all. */
public final class RunReportWriter {

    public static final String FILE_NAME = "report.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the report of an execution goes under {@code output}. */
    public static Path location(Path output, long jobExecutionId) {
        return output.resolve("runs").resolve(Long.toString(jobExecutionId)).resolve(FILE_NAME);
    }

    /** The report as the JSON the file holds. */
    public static String toJson(RunReport report) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    public Path write(RunReport report, Path output) throws IOException {
        Path file = location(output, report.jobExecutionId());
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
