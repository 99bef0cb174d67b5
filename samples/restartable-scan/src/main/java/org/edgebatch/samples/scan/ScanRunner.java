package org.edgebatch.samples.scan;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Starts a new scan, or restarts {@code restartable-scan.restart} with Spring Batch's {@link JobOperator}: a failed
 * or stopped execution as it is, one a killed process left STARTED after {@link JobOperator#recover} marks it FAILED.
 * Prints the execution and its status; the exit code is 0 when it COMPLETED.
 */
@Component
class ScanRunner implements ApplicationRunner, ExitCodeGenerator {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job scan;
    private final ScanProperties properties;
    private JobExecution last;

    ScanRunner(JobOperator operator, JobRepository repository, Job scan, ScanProperties properties) {
        this.operator = operator;
        this.repository = repository;
        this.scan = scan;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (properties.restart() == null) {
            last = operator.startNextInstance(scan);
        } else {
            JobExecution failed = repository.getJobExecution(properties.restart());
            if (failed == null) {
                throw new IllegalArgumentException("restartable-scan.restart: no execution " + properties.restart());
            }
            if (failed.getStatus() == BatchStatus.STARTED) {
                failed = operator.recover(failed);
            }
            last = operator.restart(failed);
        }
        System.out.println("execution " + last.getId() + ": " + last.getStatus());
    }

    /** The execution this run started or restarted. */
    JobExecution lastExecution() {
        return last;
    }

    @Override
    public int getExitCode() {
        return last != null && last.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
