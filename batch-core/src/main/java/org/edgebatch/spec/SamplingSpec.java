package org.edgebatch.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * Which decoded frames go to the detector: exactly one of {@code everyNthFrame: n} (default, n = 1: every frame),
 * {@code fps: f} (about f frames per second of video, whatever the video's own rate) or {@code keyframesOnly: true}
 * (only key frames, which skips decoding the others and is by far the cheapest).
 */
public sealed interface SamplingSpec {

    /** The field names of the modes, of which a spec sets at most one. */
    List<String> MODES = List.of("everyNthFrame", "fps", "keyframesOnly");

    int MAX_EVERY_NTH_FRAME = 100_000;
    double MAX_FPS = 1000;

    /**
     * Binds the YAML form; a {@code null} argument means the field is absent. The loader's factory, public only
     * because interface methods are.
     *
     * @throws IllegalArgumentException when more than one mode is set, naming them
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static SamplingSpec bind(Integer everyNthFrame, Double fps, Boolean keyframesOnly) {
        List<String> set = new ArrayList<>();
        if (everyNthFrame != null) {
            set.add("everyNthFrame");
        }
        if (fps != null) {
            set.add("fps");
        }
        if (Boolean.TRUE.equals(keyframesOnly)) {
            set.add("keyframesOnly");
        }
        if (set.size() > 1) {
            throw new SpecFieldException(null, "sets " + String.join(" and ", set) + "; choose one of " + String.join(", ", MODES));
        }
        if (fps != null) {
            return new Fps(fps);
        }
        if (Boolean.TRUE.equals(keyframesOnly)) {
            return new KeyframesOnly();
        }
        return new EveryNthFrame(everyNthFrame == null ? 1 : everyNthFrame);
    }

    /** The default: every frame. */
    static SamplingSpec everyFrame() {
        return new EveryNthFrame(1);
    }

    /** Every n-th decoded frame: 1 is every frame, 5 one in five. */
    record EveryNthFrame(int everyNthFrame) implements SamplingSpec {
    }

    /** About this many frames per second of video, by presentation time. */
    record Fps(double fps) implements SamplingSpec {
    }

    /** Only key frames; the decoder skips the rest. */
    record KeyframesOnly() implements SamplingSpec {
        @JsonProperty("keyframesOnly")
        public boolean keyframesOnly() {
            return true;
        }
    }
}
