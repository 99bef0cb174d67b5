package org.edgebatch.ort;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.module.ModuleDescriptor;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrtApiTests {

    /** struct OrtApi of ORT_API_VERSION 18 ends with AddExternalInitializersFromFilesInMemory at slot 279. */
    private static final int SLOTS_IN_API_18 = 280;

    @Test
    void theShippedLibraryIsAtLeastTheVersionTheSlotsWereTakenFrom() {
        // given
        try (OrtRuntime runtime = OrtRuntime.create()) {
            // when
            ModuleDescriptor.Version shipped = ModuleDescriptor.Version.parse(runtime.version());
            ModuleDescriptor.Version slots = ModuleDescriptor.Version.parse(OrtApi.SLOTS_TAKEN_FROM_VERSION);

            // then
            assertThat(shipped).isGreaterThanOrEqualTo(slots);
            assertThat(runtime.version()).isEqualTo("1.29.0");
        }
    }

    @Test
    void everySlotIsDistinctAndInsideTheRequestedApiVersion() {
        // given
        OrtApi[] functions = OrtApi.values();

        // when
        Set<Integer> slots = Arrays.stream(functions).map(OrtApi::slot).collect(Collectors.toSet());

        // then
        assertThat(slots).hasSize(functions.length);
        assertThat(slots).allSatisfy(slot -> assertThat(slot).isBetween(0, SLOTS_IN_API_18 - 1));
        assertThat(OrtApi.API_VERSION).isEqualTo(18);
    }

    @Test
    void aNullSlotFailsFastNamingTheSlot() {
        try (Arena arena = Arena.ofConfined()) {
            // given a table where every slot points somewhere except the OpenVINO one
            MemorySegment table = arena.allocate(ADDRESS, SLOTS_IN_API_18);
            MemorySegment somewhere = arena.allocate(8);
            for (int i = 0; i < SLOTS_IN_API_18; i++) {
                table.setAtIndex(ADDRESS, i, somewhere);
            }
            table.setAtIndex(ADDRESS, OrtApi.SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_OPENVINO_V2.slot(),
                    MemorySegment.NULL);

            // when / then
            assertThatThrownBy(() -> new OrtApiBinding(table, "9.9.9"))
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("OrtApi slot 275 (SESSION_OPTIONS_APPEND_EXECUTION_PROVIDER_OPENVINO_V2)")
                    .hasMessageContaining("is NULL in ONNX Runtime 9.9.9");
        }
    }
}
