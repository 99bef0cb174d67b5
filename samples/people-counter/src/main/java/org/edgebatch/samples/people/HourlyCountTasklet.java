package org.edgebatch.samples.people;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.edgebatch.batch.partition.VideoFilePartitioner;
import org.edgebatch.batch.partition.VideoPartitionKeys;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the job instance's person events per camera (a video file's name) and hour, and writes them as
 * {@code people-per-hour.csv} ({@code camera,hour,people}) and a bar chart, {@code people-per-hour.png}. An event's
 * hour is the file's recording start (its modification time) plus the event's start in the video, in UTC.
 */
final class HourlyCountTasklet implements Tasklet {

    static final String CSV = "people-per-hour.csv";
    static final String PNG = "people-per-hour.png";

    private final JdbcTemplate jdbc;
    private final VideoFilePartitioner footage;
    private final Path output;

    HourlyCountTasklet(DataSource dataSource, VideoFilePartitioner footage, Path output) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.footage = footage;
        this.output = output;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long instanceId = contribution.getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Map<String, Path> files = new HashMap<>();
        for (ExecutionContext partition : footage.partition(1).values()) {
            files.put(partition.getString(VideoPartitionKeys.VIDEO_ID), Path.of(partition.getString(VideoPartitionKeys.FILE)));
        }
        Map<String, Map<Instant, Integer>> counts = new TreeMap<>();
        for (Path file : files.values()) {
            counts.put(camera(file), new TreeMap<>());
        }
        List<Map<String, Object>> events = jdbc.queryForList("SELECT VIDEO_ID, START_MICROS FROM EB_EVENT"
                + " WHERE JOB_INSTANCE_ID = ? AND LABEL = 'person'", instanceId);
        for (Map<String, Object> event : events) {
            Path file = files.get((String) event.get("VIDEO_ID"));
            Instant start = Files.getLastModifiedTime(file).toInstant()
                    .plus(((Number) event.get("START_MICROS")).longValue(), ChronoUnit.MICROS);
            counts.get(camera(file)).merge(start.truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
        }
        Files.createDirectories(output);
        List<String> lines = new ArrayList<>(List.of("camera,hour,people"));
        counts.forEach((camera, hours) -> hours.forEach((hour, people) -> lines.add(camera + "," + hour + "," + people)));
        Files.write(output.resolve(CSV), lines);
        new CountsChart(counts).writePng(output.resolve(PNG));
        contribution.incrementWriteCount(lines.size() - 1);
        return RepeatStatus.FINISHED;
    }

    /** The camera a file shows: its name without the extension. */
    static String camera(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
