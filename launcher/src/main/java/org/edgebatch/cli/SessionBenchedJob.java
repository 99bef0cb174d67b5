package org.edgebatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.edgebatch.bench.job.BenchedJob;
import org.edgebatch.bench.job.JobBenchmark;
import org.edgebatch.job.DetectorFactory;
import org.edgebatch.job.JobRun;
import org.edgebatch.job.LaunchOptions;
import org.edgebatch.ort.OrtRuntime;
import org.edgebatch.report.RunReport;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.JobSpecLoader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * {@code bench job}'s side in the launcher: the benchmark's job run through a {@link JobSession} on a job repository
 * of its own in the work folder, as {@code run} would run it. The measuring is {@link JobBenchmark}'s. Only loaded
 * where the benchmarks are on the class path (see {@link BenchLibraries}).
 */
final class SessionBenchedJob implements BenchedJob {

    private final JobSession session;
    private final JobSpec spec;
    private final Path specFile;
    private final DetectorFactory layout;

    private SessionBenchedJob(JobSession session, JobSpec spec, Path specFile) {
        this.session = session;
        this.spec = spec;
        this.specFile = specFile;
        this.layout = session.bean(DetectorFactory.class);
    }

    /** Runs {@code bench job} as {@code command}'s options say; returns the exit code. */
    static int benchmark(BenchJobCommand command) throws Exception {
        JobBenchmark.Settings settings;
        try {
            settings = new JobBenchmark.Settings(command.seconds, command.rounds, command.threads, command.chunkSize,
                    command.jobOnly);
        } catch (IllegalArgumentException e) {
            throw new CommandRefusal(e.getMessage(), e);
        }
        FfmpegLogLevel.apply();
        PrintWriter out = command.commandSpec.commandLine().getOut();
        DemoData folder = command.modelOptions.dataFolder();
        Path model = command.modelOptions.modelFile();
        Path work = (command.work != null ? command.work : JobSpec.edgebatchHome().resolve("bench")).toAbsolutePath().normalize();
        JobBenchmark benchmark = new JobBenchmark(settings, folder.folder(), model, work, out);
        Path specFile;
        try {
            specFile = benchmark.prepare();
        } catch (IllegalArgumentException e) {
            throw new CommandRefusal(e.getMessage(), e);
        }
        JobSpec spec = new JobSpecLoader().load(specFile);
        try (JobSession session = JobSession.open(JobSpec.h2FileDatabase(work.resolve("db").resolve("edgebatch")),
                command.commandSpec.commandLine().getErr())) {
            return benchmark.run(new SessionBenchedJob(session, spec, specFile)) ? ExitCodes.COMPLETED : ExitCodes.NOT_COMPLETED;
        }
    }

    @Override
    public OrtRuntime runtime() {
        return session.bean(OrtRuntime.class);
    }

    @Override
    public int intraOpThreads() {
        return layout.intraOpThreads(spec);
    }

    @Override
    public int streams() {
        return layout.streams(spec);
    }

    @Override
    public Round run() throws InterruptedException {
        JobRun run = session.jobs().start(spec, LaunchOptions.of(specFile.toString())).orElseThrow();
        JobExecution execution = session.follow(run, ProgressMonitor.Mode.NONE);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new NotCompleted("The job ended " + execution.getStatus() + "; see: edgebatch status " + execution.getId()
                    + " --db " + session.databaseUrl());
        }
        RunReport report = session.executions().report(execution.getId());
        double wall = Duration.between(execution.getStartTime(), execution.getEndTime()).toNanos() / 1e9;
        long frames = report.totals().framesInferred();
        return new Round(report.totals().framesPerSecond(), frames / wall, frames);
    }
}
