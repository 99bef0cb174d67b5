package org.edgebatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.edgebatch.detect.Detection;
import org.edgebatch.output.OutputLayout;
import org.edgebatch.publish.Outbox;
import org.edgebatch.publish.RedactedCopies;
import org.edgebatch.redact.DetectionTimeline;
import org.edgebatch.redact.Redactor;
import org.edgebatch.spec.EventsSpec;
import org.edgebatch.spec.JobSpec;
import org.edgebatch.spec.PublishSpec;
import org.edgebatch.step.DetectedEvent;
import org.edgebatch.step.EventBuilder;
import org.edgebatch.step.SnapshotRenderer;
import org.edgebatch.video.ClipWriter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code eventsWorker} of one partition's videos, run on the node holding them, one video per transaction (the
 * index of the next one kept in the partition's context, {@value #NEXT_VIDEO}): merges each video's detections into events,
 * writes each event's artifacts (the annotated snapshot of its best frame, its clip when asked for, its JSON) into
 * {@code <output>/<job>/<repository>/<instance>/<node>/} ({@link OutputLayout}), stores the events and adds them to the
 * outbox (with {@code events.redact}, the snapshot's and clip's redacted copies in {@link RedactedCopies#FOLDER} take
 * their place there: the node keeps the originals, the copies leave), then records the file as processed. Everything it writes is keyed by the event, so running it again gives the same files and rows.
 */
final class EventsTasklet implements Tasklet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How far from a clip frame without detections of its own the detections redacting it may be (see DetectionTimeline). */
    private static final long REDACT_GAP_MICROS = 1_000_000;

    /** Partition ExecutionContext key: the index of the partition's next video to make events of. */
    static final String NEXT_VIDEO = "events.nextVideo";

    private final JobSpec spec;
    private final List<PlannedVideo> videos;
    private final EventStore events;
    private final Outbox outbox;
    private final ProcessedFiles processed;
    private final SnapshotRenderer snapshots;
    private final ClipWriter clips;
    private final OutputLayout layout;
    /** Redacted copies exist only to be sent: none without events.redact, and none with publish.target none. */
    private final Redactor redactor;

    EventsTasklet(JobSpec spec, List<PlannedVideo> videos, EventStore events, Outbox outbox, ProcessedFiles processed,
                  SnapshotRenderer snapshots, ClipWriter clips, OutputLayout layout) {
        this.spec = Objects.requireNonNull(spec, "spec must not be null");
        this.videos = List.copyOf(videos);
        this.events = events;
        this.outbox = outbox;
        this.processed = processed;
        this.snapshots = snapshots;
        this.clips = clips;
        this.layout = Objects.requireNonNull(layout, "layout must not be null");
        EventsSpec settings = spec.events();
        this.redactor = settings.redacts() && spec.publish().scheme() != PublishSpec.Scheme.NONE
                ? new Redactor(Set.copyOf(settings.redact()), settings.style(), settings.margin()) : null;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = contribution.getStepExecution();
        int next = step.getExecutionContext().getInt(NEXT_VIDEO, 0);
        if (next < videos.size()) {
            makeEvents(videos.get(next), contribution);
            step.getExecutionContext().putInt(NEXT_VIDEO, next + 1);
        }
        return next + 1 < videos.size() ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    private void makeEvents(PlannedVideo video, StepContribution contribution) throws IOException {
        StepExecution step = contribution.getStepExecution();
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        long executionId = step.getJobExecutionId();
        EventBuilder builder = new EventBuilder(video.videoId(), SpecMappings.events(spec.events()));
        events.feed(instanceId, video.videoId(), builder);
        List<DetectedEvent> found = builder.finish();
        Path folder = layout.events(spec.output(), spec.name(), instanceId, video.nodeId());
        Files.createDirectories(folder);
        for (DetectedEvent event : found) {
            EventArtifacts artifacts = write(video, event, instanceId, folder);
            events.save(instanceId, video.nodeId(), event, artifacts, executionId);
            if (spec.publish().scheme() != PublishSpec.Scheme.NONE) {
                outbox.add(spec.name(), instanceId, executionId, video.nodeId(), event.key(), artifacts.files());
            }
            contribution.incrementWriteCount(1);
        }
        processed.record(spec.name(), video, executionId);
    }

    private EventArtifacts write(PlannedVideo video, DetectedEvent event, long instanceId, Path folder) throws IOException {
        EventsSpec settings = spec.events();
        Path redactedFolder = RedactedCopies.folder(folder);
        if (redactor != null) {
            Files.createDirectories(redactedFolder);
        }
        long bytes = 0;
        Path snapshot = null;
        Path redactedSnapshot = null;
        if (settings.snapshot()) {
            snapshot = folder.resolve(event.key() + ".jpg");
            List<Detection> shown = events.detections(instanceId, video.videoId(), event.bestFrame(), event.label());
            if (redactor == null) {
                bytes += snapshots.render(video.path(), event.bestFrame(), event.bestMicros(), shown, snapshot);
            } else {
                redactedSnapshot = redactedFolder.resolve(snapshot.getFileName());
                bytes += snapshots.render(video.path(), event.bestFrame(), event.bestMicros(), shown, snapshot, redactor,
                        events.detections(instanceId, video.videoId(), event.bestFrame()), redactedSnapshot).bytes();
            }
        }
        Path clip = null;
        Path redactedClip = null;
        if (settings.clip()) {
            clip = folder.resolve(event.key() + ".mp4");
            Path partial = folder.resolve(event.key() + ".part.mp4");
            long padding = Math.round(settings.clipPaddingSeconds() * 1e6);
            if (redactor == null) {
                clips.write(video.path(), event.startMicros(), event.endMicros(), padding, partial);
            } else {
                redactedClip = redactedFolder.resolve(clip.getFileName());
                Path redactedPartial = redactedFolder.resolve(event.key() + ".part.mp4");
                DetectionTimeline boxes = events.timeline(instanceId, video.videoId(), event.startMicros() - padding,
                        event.endMicros() + padding, redactor, REDACT_GAP_MICROS);
                clips.write(video.path(), event.startMicros(), event.endMicros(), padding, partial, redactedPartial,
                        (frameIndex, micros, image) -> redactor.redact(image, boxes.at(frameIndex, micros)));
                Files.move(redactedPartial, redactedClip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(partial, clip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            bytes += Files.size(clip);
        }
        Path json = folder.resolve(event.key() + ".json");
        Path partial = Files.createTempFile(folder, event.key(), ".part");
        try {
            Files.writeString(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(describe(video, event, instanceId, snapshot, clip)));
            Files.move(partial, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        bytes += Files.size(json);
        return new EventArtifacts(json, snapshot, clip, bytes, redactedSnapshot, redactedClip);
    }

    private Map<String, Object> describe(PlannedVideo video, DetectedEvent event, long instanceId, Path snapshot, Path clip) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job", spec.name());
        json.put("jobInstanceId", instanceId);
        json.put("node", video.nodeId());
        json.put("video", video.path().toString());
        json.put("event", event.key());
        json.put("class", event.label());
        json.put("start", event.startSeconds());
        json.put("end", event.endSeconds());
        json.put("startFrame", event.startFrame());
        json.put("endFrame", event.endFrame());
        json.put("maxScore", event.maxScore());
        json.put("bestFrame", event.bestFrame());
        json.put("detections", event.detections());
        json.put("snapshot", snapshot == null ? null : snapshot.getFileName().toString());
        json.put("clip", clip == null ? null : clip.getFileName().toString());
        if (spec.events().redacts()) {
            // What leaves the node has these classes' boxes blurred (the node keeps its files unredacted).
            json.put("redacted", spec.events().redact());
        }
        return json;
    }
}
