package org.edgebatch.batch.item;

import java.nio.file.Path;
import java.util.Objects;

/** Builds a {@link YoloLabelsItemWriter}: YOLO {@code labels/*.txt} files, e.g. to train a model on found frames. */
public final class YoloLabelsItemWriterBuilder {

    private Path folder;

    /** The {@code labels} folder; a sub-folder per video is made in it. */
    public YoloLabelsItemWriterBuilder folder(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder must not be null");
        return this;
    }

    /**
     * The writer.
     *
     * @throws IllegalStateException when no folder was given
     */
    public YoloLabelsItemWriter build() {
        if (folder == null) {
            throw new IllegalStateException("a folder is required");
        }
        return new YoloLabelsItemWriter(folder);
    }
}
