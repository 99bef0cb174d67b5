package org.edgebatch.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Class names by class id: COCO-80 built in, or read from a labels file or a model's metadata. */
public record Labels(List<String> names) {

    private static final List<String> COCO = List.of(
            "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
            "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
            "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
            "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
            "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
            "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
            "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard",
            "cell phone", "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors",
            "teddy bear", "hair drier", "toothbrush");

    /** One {@code id: 'name'} entry of the Python dict Ultralytics stores under the {@code names} metadata key. */
    private static final Pattern PYTHON_DICT_ENTRY = Pattern.compile("(\\d+)\\s*:\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\")");

    public Labels {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("labels must not be empty");
        }
    }

    /** The 80 COCO classes in the order every COCO-trained YOLO model uses. */
    public static Labels coco() {
        return new Labels(COCO);
    }

    /** Generic names {@code class0 .. class(n-1)} for a model that names nothing. */
    public static Labels numbered(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("class" + i);
        }
        return new Labels(names);
    }

    /** A labels file: one name per line, line n naming class n-1; trailing blank lines are ignored. */
    public static Labels read(Path file) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels file " + file + ": " + e.getMessage(), e);
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        List<String> names = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("labels file " + file + " line " + (i + 1) + " is blank; every class needs a name");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("labels file " + file + " holds no names");
        }
        return new Labels(names);
    }

    /**
     * The names Ultralytics exports put in the model metadata ({@code names = {0: 'person', ...}}), when
     * present and numbered 0..n-1 without gaps.
     */
    public static Optional<Labels> fromMetadata(Map<String, String> metadata) {
        String dict = metadata.get("names");
        if (dict == null) {
            return Optional.empty();
        }
        TreeMap<Integer, String> byId = new TreeMap<>();
        Matcher matcher = PYTHON_DICT_ENTRY.matcher(dict);
        while (matcher.find()) {
            String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            byId.put(Integer.parseInt(matcher.group(1)), name.replace("\\'", "'").replace("\\\"", "\""));
        }
        if (byId.isEmpty() || byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Labels(new ArrayList<>(byId.values())));
    }

    public int size() {
        return names.size();
    }

    /** The name of a class id; ids past the list get a generic {@code class<id>} name rather than failing mid-video. */
    public String name(int classId) {
        return classId >= 0 && classId < names.size() ? names.get(classId) : "class" + classId;
    }

    /**
     * A filter for classes given by name (exact, case-insensitive) or by id.
     *
     * @throws IllegalArgumentException naming the unknown class and listing the valid names
     */
    public ClassFilter filter(Collection<String> classes) {
        if (classes == null || classes.isEmpty()) {
            return ClassFilter.all();
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (String raw : classes) {
            String wanted = raw.strip();
            ids.add(idOf(wanted));
        }
        return ClassFilter.of(ids);
    }

    private int idOf(String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        if (!wanted.isEmpty() && wanted.chars().allMatch(Character::isDigit)) {
            int id = Integer.parseInt(wanted);
            if (id < names.size()) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown class '" + wanted + "'; valid names (or ids 0-" + (names.size() - 1)
                + "): " + String.join(", ", names));
    }
}
