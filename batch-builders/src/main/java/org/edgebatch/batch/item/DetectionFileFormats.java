package org.edgebatch.batch.item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgebatch.detect.Detection;
import org.edgebatch.step.FrameDetections;
import tools.jackson.databind.json.JsonMapper;

/** The lines the file writers write: one JSON object per frame, one CSV row per detection. */
final class DetectionFileFormats {

    /** The CSV header, the columns of {@link #csvRow}. */
    static final String CSV_HEADER = "video,frame,timestamp_micros,class_id,label,score,x1,y1,x2,y2";

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * {@code {"video", "frame", "timestampMicros", "inferred", "motionSkipped", "detections": [{"label", "classId",
     * "score", "box": [x1, y1, x2, y2]}]}}, the shape {@code edgebatch detect --json} gives a detection.
     */
    String jsonLine(FrameDetections frame) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("video", frame.videoId());
        line.put("frame", frame.frameIndex());
        line.put("timestampMicros", frame.timestampMicros());
        line.put("inferred", frame.inferred());
        line.put("motionSkipped", frame.motionSkipped());
        List<Map<String, Object>> detections = new ArrayList<>();
        for (Detection d : frame.detections()) {
            Map<String, Object> detection = new LinkedHashMap<>();
            detection.put("label", d.label());
            detection.put("classId", d.classId());
            detection.put("score", d.score());
            detection.put("box", List.of(d.x1(), d.y1(), d.x2(), d.y2()));
            detections.add(detection);
        }
        line.put("detections", detections);
        return json.writeValueAsString(line);
    }

    /** One row of {@link #CSV_HEADER}; a label with a comma or quote is quoted. */
    static String csvRow(FrameDetections frame, Detection d) {
        return String.join(",", frame.videoId(), Long.toString(frame.frameIndex()), Long.toString(frame.timestampMicros()),
                Integer.toString(d.classId()), quoted(d.label()), number(d.score()), number(d.x1()), number(d.y1()),
                number(d.x2()), number(d.y2()));
    }

    /** A YOLO label line: class id, then the box's centre and size as fractions of the frame. */
    static String yoloLine(Detection d, int width, int height) {
        float cx = (d.x1() + d.x2()) / 2 / width;
        float cy = (d.y1() + d.y2()) / 2 / height;
        return d.classId() + " " + fraction(cx) + " " + fraction(cy) + " " + fraction(d.width() / width) + " "
                + fraction(d.height() / height);
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String number(float value) {
        return Float.toString(value);
    }

    private static String fraction(float value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
