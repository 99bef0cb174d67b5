package org.edgebatch.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FootageVolumeTests {

    private static FootageVolume footage(int cameras, boolean full) {
        return new FootageVolume(cameras, "3840x2160", new BigDecimal("60"), new BigDecimal("11"), new BigDecimal("24"),
                12, 12, full, new BigDecimal("0.5"), new BigDecimal("2"));
    }

    @Test
    void tenCamerasAt110GbAnHourMakeAboutAPetabyteAYear() {
        FootageVolume volume = footage(10, true);

        assertThat(volume.cameraHours()).isEqualByComparingTo("87600");
        assertThat(volume.uploadedGb()).isEqualByComparingTo("963600");
        assertThat(volume.ingestGbPerMonth()).isEqualByComparingTo("80300");
        // 18 TB a week, as the published example says (110 GB/h × 168 h = 18,480 GB)
        assertThat(volume.ingestGbPerMonth().multiply(new BigDecimal("12")).divide(new BigDecimal("365"), Money.PRECISION)
                .multiply(new BigDecimal("7"))).isEqualByComparingTo("18480");
        assertThat(volume.frames()).isEqualByComparingTo("18921600000");
        assertThat(volume.images()).isEqualByComparingTo("157680000");
        assertThat(volume.requests()).isEqualByComparingTo("157680000");
    }

    @Test
    void aFullArchiveBillsRetentionEveryMonthAndAnEmptyOneFillsUp() {
        // full: 12 months × 12 months of footage; empty: 1 + 2 + ... + 12 = 78 months of footage
        assertThat(footage(10, true).storedGbMonths()).isEqualByComparingTo(new BigDecimal("80300").multiply(new BigDecimal("144")));
        assertThat(footage(10, false).storedGbMonths()).isEqualByComparingTo(new BigDecimal("80300").multiply(new BigDecimal("78")));
    }

    @Test
    void bitrateConvertsToGbPerHourInDecimalUnits() {
        // 24.4 Mbit/s × 3600 s / 8 / 1000 = 10.98 GB per hour
        assertThat(FootageVolume.gbPerHourFromMbps(new BigDecimal("24.4"))).isEqualByComparingTo("10.98");
    }

    @Test
    void badFootageIsRefusedNamingTheField() {
        assertThatThrownBy(() -> footage(0, true)).hasMessageStartingWith("cameras must be > 0");
        assertThatThrownBy(() -> new FootageVolume(1, "4k", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, 1, 1, true,
                BigDecimal.ONE, BigDecimal.ONE)).hasMessageStartingWith("resolution");
        assertThatThrownBy(() -> new FootageVolume(1, null, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("25"), 1, 1,
                true, BigDecimal.ONE, BigDecimal.ONE)).hasMessageStartingWith("hoursPerDay");
        assertThatThrownBy(() -> new FootageVolume(1, null, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, 1, 1, true,
                new BigDecimal("11"), BigDecimal.ONE)).hasMessageStartingWith("analysedFps");
    }
}
