package org.edgebatch.job;

import java.util.List;
import java.util.Objects;
import org.edgebatch.spec.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code inventory} step: which node reads which video, probed, fixed in the job's ExecutionContext (copied to
 * every restart, and a completed inventory step never runs again, so partitions never change between a run and its
 * restarts) and in {@code EB_VIDEO} with the partition (group of files, {@link VideoPlan#groups}) that reads each. With the job parameter {@value #ONLY_NEW_OR_CHANGED} set, files the job has
 * already processed unchanged are left out (scheduled runs).
 */
final class InventoryTasklet implements Tasklet {

    /** Non-identifying job parameter: plan only files that are new or changed since the job last processed them. */
    static final String ONLY_NEW_OR_CHANGED = "inventory.onlyNewOrChanged";

    private static final Logger log = LoggerFactory.getLogger(InventoryTasklet.class);

    private final JobSpec spec;
    private final InventoryPlanner planner;
    private final ProcessedFiles processed;
    private final VideoTable videos;

    InventoryTasklet(JobSpec spec, InventoryPlanner planner, ProcessedFiles processed, VideoTable videos) {
        this.spec = Objects.requireNonNull(spec, "spec must not be null");
        this.planner = planner;
        this.processed = processed;
        this.videos = videos;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        boolean onlyChanged = Boolean.parseBoolean(job.getJobParameters().getString(ONLY_NEW_OR_CHANGED, "false"));
        VideoPlan plan = onlyChanged
                ? planner.plan(spec, asset -> processed.isNewOrChanged(spec.name(), asset))
                : planner.plan(spec);
        plan.storeIn(job.getExecutionContext(), spec.input().partitionFiles(), spec.input().partitionSeconds());
        List<VideoGroup> groups = plan.groups(spec.input().partitionFiles(), spec.input().partitionSeconds());
        videos.save(job.getJobInstance().getInstanceId(), plan, groups);
        contribution.incrementWriteCount(plan.videos().size());
        log.info("{}: {} video(s) in {} partition(s), {} bytes, on node(s) {}; {} left out", spec.name(), plan.videos().size(),
                groups.size(), plan.totalBytes(), plan.nodeIds(), plan.leftOut().size());
        return RepeatStatus.FINISHED;
    }
}
