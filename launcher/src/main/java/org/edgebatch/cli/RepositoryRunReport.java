package org.edgebatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.job.JobStatusView;
import org.edgebatch.output.OutputLayout;

/**
 * Finds the report of an execution of one job repository, for {@code cost --from-run ID --db URL}: the repository
 * knows the output folder of the execution's spec and its own folder in it, so the same id from another repository
 * sharing the folder is never taken.
 */
final class RepositoryRunReport {

    private final JobSession session;

    RepositoryRunReport(JobSession session) {
        this.session = Objects.requireNonNull(session, "session must not be null");
    }

    /**
     * The report file of {@code executionId}: where the run wrote it, or under {@code runsDir} (an output folder or its
     * {@code runs} folder) when given, for reports moved elsewhere.
     *
     * @throws CommandRefusal     when the repository has no such execution
     * @throws CostInputException when the report is not there
     */
    Path locate(long executionId, Path runsDir) {
        JobStatusView status = Executions.refusingUnknown(() -> session.executions().status(executionId));
        OutputLayout layout = session.bean(OutputLayout.class);
        List<Path> candidates = new ArrayList<>();
        if (runsDir == null) {
            candidates.add(layout.runReport(session.specs().load(status.jobInstanceId()).output(), executionId));
        } else {
            candidates.add(layout.runReport(runsDir, executionId));
            candidates.add(runsDir.resolve(layout.repositoryFolder()).resolve(Long.toString(executionId)).resolve(OutputLayout.REPORT_FILE));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new CostInputException(
                "no run report for execution " + executionId + " of the job repository " + session.databaseUrl()
                        + " (looked for " + candidates.stream().map(Path::toString).collect(Collectors.joining(" and "))
                        + "); pass --report FILE"));
    }
}
