package org.edgebatch.output;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the runs of one job repository put their files, under a spec's {@code output} folder and its publish target.
 * Execution and instance ids are counted per repository, so every path carries the repository's folder (the first
 * eight hex digits of its id, see {@link #of(String)}) just above them; repositories sharing an output folder then
 * never write the same files:
 * <ul>
 *   <li>run reports: {@code <output>/runs/<repository>/<jobExecutionId>/report.json}</li>
 *   <li>event files: {@code <output>/<job>/<repository>/<jobInstanceId>/<node>/}</li>
 *   <li>published files: {@code <target>/<job>/<repository>/<jobExecutionId>/<node>/}</li>
 * </ul>
 *
 * @param repositoryFolder the folder name of the repository's runs
 */
public record OutputLayout(String repositoryFolder) {

    /** The run report's file name. */
    public static final String REPORT_FILE = "report.json";

    /** The folder under {@code output} holding the run reports, one sub-folder per repository. */
    public static final String RUNS_FOLDER = "runs";

    private static final int FOLDER_DIGITS = 8;

    public OutputLayout {
        Objects.requireNonNull(repositoryFolder, "repositoryFolder must not be null");
        if (!repositoryFolder.matches("[0-9a-f]{" + FOLDER_DIGITS + "}")) {
            throw new IllegalArgumentException("repositoryFolder must be " + FOLDER_DIGITS + " lower-case hex digits, was '"
                    + repositoryFolder + "'");
        }
    }

    /**
     * The layout of the repository with id {@code repositoryId} (a UUID, as {@code EB_REPOSITORY} holds it). Its first
     * eight hex digits keep paths short and are random for both UUID kinds the databases make (random ones on H2, the
     * low bits of the time on MySQL and MariaDB, whose later digits would repeat the server's).
     */
    public static OutputLayout of(String repositoryId) {
        Objects.requireNonNull(repositoryId, "repositoryId must not be null");
        String digits = repositoryId.replace("-", "").toLowerCase(Locale.ROOT);
        if (digits.length() < FOLDER_DIGITS) {
            throw new IllegalArgumentException("repositoryId '" + repositoryId + "' is not a UUID");
        }
        return new OutputLayout(digits.substring(0, FOLDER_DIGITS));
    }

    /** The report of execution {@code jobExecutionId}: {@code <output>/runs/<repository>/<jobExecutionId>/report.json}. */
    public Path runReport(Path output, long jobExecutionId) {
        return output.resolve(RUNS_FOLDER).resolve(repositoryFolder).resolve(Long.toString(jobExecutionId)).resolve(REPORT_FILE);
    }

    /** The event files of a job instance, one sub-folder per node: {@code <output>/<job>/<repository>/<jobInstanceId>}. */
    public Path events(Path output, String jobName, long jobInstanceId) {
        return output.resolve(jobName).resolve(repositoryFolder).resolve(Long.toString(jobInstanceId));
    }

    /** One node's event files of a job instance. */
    public Path events(Path output, String jobName, long jobInstanceId, String nodeId) {
        return events(output, jobName, jobInstanceId).resolve(nodeId);
    }

    /** Where a node's files of an execution are published in a folder target. */
    public Path published(Path target, String jobName, long jobExecutionId, String nodeId) {
        return target.resolve(jobName).resolve(repositoryFolder).resolve(Long.toString(jobExecutionId)).resolve(nodeId);
    }
}
