package org.edgebatch.bench.flops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgebatch.bench.flops.OnnxModelBytes.Attribute;
import org.edgebatch.bench.flops.OnnxModelBytes.Initializer;
import org.edgebatch.bench.flops.OnnxModelBytes.Node;
import org.edgebatch.testsupport.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlopCounterTests {

    private final FlopCounter counter = new FlopCounter(new OnnxModelReader());

    @TempDir
    Path dir;

    @Test
    void aHandBuiltConvPoolReshapeGemmGraphCountsExactlyAsByHand() throws IOException {
        // given: image [batch,3,32,32] → Conv 8×3×3×3 stride 2 pad 1 → [1,8,16,16] → MaxPool 2/2 → [1,8,8,8]
        //        → Reshape [1,-1] → [1,512] → Gemm with B [512,10] → [1,10]
        Path model = dir.resolve("tiny.onnx");
        Files.write(model, OnnxModelBytes.model("image", List.of(-1L, 3L, 32L, 32L),
                List.of(Initializer.weight("w", 8L, 3L, 3L, 3L), Initializer.weight("b", 512L, 10L),
                        Initializer.longs("shape", 1L, -1L)),
                List.of(new Node("Conv", List.of("image", "w"), "conv", List.of(Attribute.ints("strides", 2L, 2L),
                                Attribute.ints("pads", 1L, 1L, 1L, 1L), Attribute.ints("kernel_shape", 3L, 3L))),
                        new Node("MaxPool", List.of("conv"), "pool", List.of(Attribute.ints("kernel_shape", 2L, 2L),
                                Attribute.ints("strides", 2L, 2L))),
                        new Node("Reshape", List.of("pool", "shape"), "flat", List.of()),
                        new Node("Gemm", List.of("flat", "b"), "scores", List.of(Attribute.integer("transB", 0)))),
                "scores"));

        // when
        FlopCount count = counter.count(model, 0);

        // then: two operations per multiply-accumulate
        long conv = 2L * 8 * 16 * 16 * (3 * 3 * 3);
        long gemm = 2L * 1 * 10 * 512;
        assertThat(count.byOperator()).containsEntry("Conv", conv).containsEntry("Gemm", gemm);
        assertThat(count.flops()).isEqualTo(conv + gemm).isEqualTo(120_832);
        assertThat(count.complete()).isTrue();
        assertThat(count.inputShape()).containsExactly(1L, 3L, 32L, 32L);
    }

    @Test
    void theImageSizeScalesTheConvolutionsAndAGroupedConvolutionCountsItsGroupsOnly() throws IOException {
        // given: a depth-wise 3×3 convolution (group 16) over [1,16,H,W], same padding
        Path model = dir.resolve("depthwise.onnx");
        Files.write(model, OnnxModelBytes.model("image", List.of(1L, 16L, -1L, -1L),
                List.of(Initializer.weight("w", 16L, 1L, 3L, 3L)),
                List.of(new Node("Conv", List.of("image", "w"), "out", List.of(Attribute.integer("group", 16),
                        Attribute.ints("pads", 1L, 1L, 1L, 1L)))),
                "out"));

        // then
        assertThat(counter.count(model, 64).flops()).isEqualTo(2L * 16 * 64 * 64 * 9);
        assertThat(counter.count(model, 128).flops()).isEqualTo(4 * counter.count(model, 64).flops());
        assertThatThrownBy(() -> counter.count(model, 0))
                .hasMessageContaining("the input image has the shape [1, 16, -1, -1]: pass an image size");
    }

    @Test
    void yolov5nCountsThePublishedFourPointFiveGflopsAt640() {
        FlopCount count = counter.count(SharedData.model(SharedData.YOLOV5N_FP16), 640);

        assertThat(count.uncounted()).isEmpty();
        assertThat(count.gflops()).isCloseTo(4.5, within(0.3));
    }

    @Test
    void yoloxNanoAndTheQuantisedYolov8nCountEveryConvolution() {
        FlopCount yolox = counter.count(SharedData.model(SharedData.YOLOX_NANO), 416);
        FlopCount yolov8 = counter.count(SharedData.model(SharedData.YOLOV8N_INT8), 640);

        // published: YOLOX-nano 1.08 GFLOPs at 416, YOLOv8n 8.7 GFLOPs at 640
        assertThat(yolox.uncounted()).isEmpty();
        assertThat(yolox.gflops()).isCloseTo(1.08, within(0.1));
        assertThat(yolov8.uncounted()).isEmpty();
        assertThat(yolov8.gflops()).isCloseTo(8.7, within(0.5));
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithItsPath() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "not a model at all");

        assertThatThrownBy(() -> counter.count(text, 640)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(text + " is not an ONNX model");
    }
}
