package org.edgebatch.batch.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgebatch.job.EventArtifacts;
import org.edgebatch.job.EventStore;
import org.edgebatch.step.DetectedEvent;
import org.edgebatch.step.EventBuilder;
import org.edgebatch.step.EventRules;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges the job instance's detections ({@code EB_DETECTION}), video by video, into events with the CLI's
 * {@link EventBuilder}, writes each event's JSON into {@code <folder>/<job instance>/<event key>.json} and stores it in
 * {@code EB_EVENT}. Everything is keyed by the event, so running it again gives the same files and rows.
 */
final class EventsBuildingTasklet implements Tasklet {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final EventRules rules;
    private final Path folder;

    EventsBuildingTasklet(JdbcTemplate jdbc, EventStore events, EventRules rules, Path folder) {
        this.jdbc = jdbc;
        this.events = events;
        this.rules = rules;
        this.folder = folder;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = contribution.getStepExecution();
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        Path eventFolder = Files.createDirectories(folder.resolve(Long.toString(instanceId)));
        List<Map<String, Object>> videos = jdbc.queryForList("SELECT DISTINCT VIDEO_ID, NODE_ID FROM EB_DETECTION"
                + " WHERE JOB_INSTANCE_ID = ? ORDER BY VIDEO_ID", instanceId);
        for (Map<String, Object> video : videos) {
            String videoId = (String) video.get("VIDEO_ID");
            String nodeId = (String) video.get("NODE_ID");
            EventBuilder builder = new EventBuilder(videoId, rules);
            events.feed(instanceId, videoId, builder);
            for (DetectedEvent event : builder.finish()) {
                Path file = write(event, nodeId, instanceId, eventFolder);
                events.save(instanceId, nodeId, event, new EventArtifacts(file, null, null, Files.size(file)),
                        step.getJobExecutionId());
                contribution.incrementWriteCount(1);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private Path write(DetectedEvent event, String nodeId, long instanceId, Path eventFolder) throws IOException {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("jobInstanceId", instanceId);
        described.put("node", nodeId);
        described.put("video", event.videoId());
        described.put("event", event.key());
        described.put("class", event.label());
        described.put("start", event.startSeconds());
        described.put("end", event.endSeconds());
        described.put("startFrame", event.startFrame());
        described.put("endFrame", event.endFrame());
        described.put("maxScore", event.maxScore());
        described.put("bestFrame", event.bestFrame());
        described.put("detections", event.detections());
        Path file = eventFolder.resolve(event.key() + ".json");
        Path partial = eventFolder.resolve(event.key() + ".json.part");
        Files.writeString(partial, json.writerWithDefaultPrettyPrinter().writeValueAsString(described));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
