package org.edgebatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.edgebatch.models.ModelCache;

/**
 * Where {@code demo} finds its data: the folder ({@code --data}, else {@code $EDGEBATCH_DATA}, else
 * {@code <edgebatch.home>/../shared/data}, else {@code ../shared/data} from the working directory; when that folder
 * has no model, the download cache of {@code edgebatch models pull} if it has one), the model in its
 * {@code models} folder, the clips in its {@code video} folder and the images in its {@code images} folder.
 */
record DemoData(Path folder) {

    static final String DEFAULT_MODEL = "yolov5n_coco_fp16.onnx";
    /** The catalogue names to pull when no folder has a model or clips. */
    static final String PULL_MODEL = "yolov5n-coco-fp16";
    static final String PULL_CLIP = "pets2009-vtest";
    static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".avi", ".mkv", ".mov");
    static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    /** The data folder the options and environment name, else the download cache when only it has a model. */
    static DemoData locate(Path option, String environment, String edgebatchHome) {
        return locate(option, environment, edgebatchHome, ModelCache.folder());
    }

    static DemoData locate(Path option, String environment, String edgebatchHome, Path cache) {
        if (option != null) {
            return new DemoData(option.toAbsolutePath().normalize());
        }
        DemoData named;
        if (environment != null && !environment.isBlank()) {
            named = new DemoData(Path.of(environment).toAbsolutePath().normalize());
        } else {
            Path base = edgebatchHome != null && !edgebatchHome.isBlank() ? Path.of(edgebatchHome) : Path.of("");
            named = new DemoData(base.resolve("..").resolve("shared").resolve("data").toAbsolutePath().normalize());
        }
        DemoData cached = new DemoData(cache);
        return named.model().isEmpty() && cached.model().isPresent() ? cached : named;
    }

    Path models() {
        return folder.resolve("models");
    }

    /** {@code models/yolov5n_coco_fp16.onnx}, else the first {@code models/yolov5*.onnx} by name. */
    Optional<Path> model() {
        Path preferred = models().resolve(DEFAULT_MODEL);
        if (Files.isRegularFile(preferred)) {
            return Optional.of(preferred);
        }
        return list(models()).filter(file -> {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.startsWith("yolov5") && name.endsWith(".onnx");
        }).findFirst();
    }

    /** The clips of {@code video/}, by name. */
    List<Path> clips() {
        return list(folder.resolve("video")).filter(file -> hasExtension(file, VIDEO_EXTENSIONS)).toList();
    }

    /** The images of {@code images/}, by name. */
    List<Path> images() {
        return list(folder.resolve("images")).filter(file -> hasExtension(file, IMAGE_EXTENSIONS)).toList();
    }

    private static boolean hasExtension(Path file, List<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(name::endsWith);
    }

    private static Stream<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
