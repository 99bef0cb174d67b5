package org.edgebatch.cost.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.CostInputs;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.InputDistribution;
import org.edgebatch.cost.Scenario;
import org.edgebatch.cost.TieringMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTests {

    private static final Catalogs CATALOGS = Catalogs.bundled();

    /** A small valid scenario; tests replace one line to break it. */
    private static final String VALID = """
            name: shop
            providers: [aws, gcp]
            footage:
              cameras: 4
              fps: 30
              bitrateMbps: 8
              analysedFps: 1
            edge:
              retainedFraction: 0.05
              compute:
                nodes: 1
                pricePerHour: 0.20
                framesPerSecondPerNode: 25
            uncertainty:
              retainedFraction: {distribution: uniform, min: 0.01, max: 0.2}
            """;

    private final ScenarioReader reader = new ScenarioReader(CATALOGS);

    private Scenario read(String yaml) {
        return reader.read(stream(yaml), "shop.yaml");
    }

    private static InputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidScenarioGetsItsDefaultsAndDerivedVolumes() {
        Scenario scenario = read(VALID);

        assertThat(scenario.tiering()).isEqualTo(TieringMode.LIST_PRICE);
        assertThat(scenario.providers()).extracting(p -> p.provider()).containsExactly("aws", "gcp");
        assertThat(scenario.footage().hoursPerDay()).isEqualByComparingTo("24");
        // 8 Mbit/s = 3.6 GB per camera-hour; 4 cameras × 8,760 h × 3.6 GB
        CostInputs inputs = scenario.derive().values();
        assertThat(inputs.uploadedGb()).isEqualByComparingTo("126144");
        assertThat(inputs.images()).isEqualByComparingTo("126144000");
        assertThat(inputs.accessFactor()).isEqualByComparingTo("1");
        assertThat(scenario.uncertainty()).singleElement().satisfies(u -> {
            assertThat(u.input()).isEqualTo(Input.RETAINED_FRACTION);
            assertThat(u.distribution()).isEqualTo(new InputDistribution.Uniform(0.01, 0.2));
        });
    }

    @Test
    void theBundledPublishedScenarioStatesTheTableVolumes() {
        Scenario published = reader.bundled("published");
        CostInputs inputs = published.derive().values();

        assertThat(inputs.storedGbMonths()).isEqualByComparingTo("10000000");
        assertThat(inputs.images()).isEqualByComparingTo("100000000");
        assertThat(inputs.requests()).isEqualByComparingTo("150000000");
        assertThat(inputs.requests().multiply(inputs.accessFactor()).setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("100000000");
        assertThat(published.derive().source(Input.STORED_GB_MONTHS)).contains("the footage model gives 11,563,200");
    }

    @Test
    void volumesGivenOutrightScaleWithTheCameraCount() {
        Scenario published = reader.bundled("published").withCameras(20);

        assertThat(published.derive().values().storedGbMonths()).isEqualByComparingTo("20000000");
        assertThat(published.derive().values().uploadedGb()).isEqualByComparingTo("1927200");
    }

    @Test
    void aScenarioFileOnDiskIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shop.yaml");
        Files.writeString(file, VALID);

        assertThat(reader.read(file).name()).isEqualTo("shop");
        assertThatThrownBy(() -> reader.read(dir.resolve("missing.yaml")))
                .hasMessageContaining("missing.yaml does not exist");
    }

    @Test
    void anUnknownProviderIsNamedWithItsPosition() {
        assertThatThrownBy(() -> read(VALID.replace("[aws, gcp]", "[aws, ibm]")))
                .isInstanceOf(CostInputException.class)
                .hasMessage("shop.yaml: providers[1]: unknown provider 'ibm' (known: aws, azure, gcp)");
    }

    @Test
    void aNegativeVolumeIsNamed() {
        assertThatThrownBy(() -> read(VALID + "volume:\n  storedGbMonths: -5\n"))
                .hasMessage("shop.yaml: volume.storedGbMonths must be >= 0, was -5");
        assertThatThrownBy(() -> read(VALID.replace("cameras: 4", "cameras: -3")))
                .hasMessage("shop.yaml: footage.cameras must be > 0, was -3");
        assertThatThrownBy(() -> read(VALID.replace("retainedFraction: 0.05", "retainedFraction: 1.5")))
                .hasMessage("shop.yaml: edge.retainedFraction must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> read(VALID.replace("framesPerSecondPerNode: 25", "framesPerSecondPerNode: 0")))
                .hasMessage("shop.yaml: edge.compute.framesPerSecondPerNode must be > 0, was 0");
    }

    @Test
    void aMissingPriceBandInAnInlineCatalogIsNamed() {
        String catalog = """
                catalogs:
                  mycloud:
                    provider: mycloud
                    readOn: 2026-11-26
                    source: https://example.com/pricing
                    storage: {unit: GB-month, listPrice: [{upTo: 1000, price: 0.03}, {price: 0.02}]}
                    requests: {unit: request, per: 1000, listPrice: [{price: 0.004}]}
                    images: {unit: image, per: 1000, listPrice: []}
                    ingress: {unit: GB, listPrice: [{price: 0}]}
                """;
        String scenario = VALID.replace("[aws, gcp]", "[aws, mycloud]") + catalog;

        assertThatThrownBy(() -> read(scenario)).hasMessageStartingWith(
                "shop.yaml: catalogs.mycloud.images.listPrice is missing: at least one price band is needed");
        assertThatThrownBy(() -> read(scenario.replace("listPrice: [{price: 0.004}]", "listPrice: [{upTo: 5}]")))
                .hasMessageStartingWith("shop.yaml: catalogs.mycloud.requests.listPrice[0].price is missing");
        assertThatThrownBy(() -> read(scenario.replace("{upTo: 1000, price: 0.03}, {price: 0.02}", "{upTo: 1000, price: 0.03}")))
                .hasMessageStartingWith("shop.yaml: catalogs.mycloud.storage.listPrice[0].upTo must be left out");
        assertThatThrownBy(() -> read(scenario.replace("listPrice: []", "listPrice: [{price: 1.2}]")
                .replace("    ingress: {unit: GB, listPrice: [{price: 0}]}\n", "")))
                .hasMessageStartingWith("shop.yaml: catalogs.mycloud.ingress is missing");
        // and fixed, the inline provider is priced
        assertThat(read(scenario.replace("listPrice: []", "listPrice: [{price: 1.2}]")).providers())
                .extracting(p -> p.provider()).containsExactly("aws", "mycloud");
    }

    @Test
    void unknownFieldsAreErrorsNamingTheField() {
        assertThatThrownBy(() -> read(VALID.replace("  fps: 30", "  fps: 30\n  frameRate: 30")))
                .hasMessageStartingWith("shop.yaml: unknown field 'footage.frameRate'")
                .hasMessageContaining("known here:");
        assertThatThrownBy(() -> read(VALID + "colour: blue\n"))
                .hasMessageStartingWith("shop.yaml: unknown field 'colour'");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> read(VALID.replace("fps: 30", "fps: thirty")))
                .hasMessage("shop.yaml: footage.fps must be a number (e.g. 0.10, 10_000_000 or 2/3), was 'thirty'");
        assertThatThrownBy(() -> read(VALID.replace("  bitrateMbps: 8\n", "")))
                .hasMessageStartingWith("shop.yaml: footage.gbPerHour is missing");
        assertThatThrownBy(() -> read(VALID.replace("  bitrateMbps: 8\n", "  bitrateMbps: 8\n  gbPerHour: 10\n")))
                .hasMessageStartingWith("shop.yaml: footage.bitrateMbps cannot be given with footage.gbPerHour");
        assertThatThrownBy(() -> read(VALID.replace("name: shop\n", "")))
                .hasMessage("shop.yaml: name is missing");
        assertThatThrownBy(() -> read(VALID + "tiering: cheap\n"))
                .hasMessage("shop.yaml: tiering must be published or list-price, was 'cheap'");
    }

    @Test
    void badDistributionsAreNamed() {
        assertThatThrownBy(() -> read(VALID.replace("{distribution: uniform, min: 0.01, max: 0.2}",
                "{distribution: triangular, min: 0.01, max: 0.2}")))
                .hasMessage("shop.yaml: uncertainty.retainedFraction.mode is missing");
        assertThatThrownBy(() -> read(VALID.replace("{distribution: uniform, min: 0.01, max: 0.2}",
                "{distribution: uniform, min: 0.01, max: 0.2, sd: 1}")))
                .hasMessageStartingWith("shop.yaml: uncertainty.retainedFraction.sd is not a parameter of a uniform distribution");
        assertThatThrownBy(() -> read(VALID.replace("retainedFraction: {distribution", "retained: {distribution")))
                .hasMessageStartingWith("shop.yaml: uncertainty.retained names no input: unknown input 'retained'");
        assertThatThrownBy(() -> read(VALID.replace("min: 0.01, max: 0.2", "min: 0.3, max: 0.2")))
                .hasMessageStartingWith("shop.yaml: uncertainty.retainedFraction.min must be below max");
    }

    @Test
    void yamlThatIsNotYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> read("name: [unclosed\n"))
                .hasMessageStartingWith("shop.yaml: ")
                .hasMessageContaining("line");
    }
}
