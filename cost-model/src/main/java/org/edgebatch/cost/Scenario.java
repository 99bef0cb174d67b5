package org.edgebatch.cost;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file, validated: the providers compared, the default tiering mode, the footage, the volumes given
 * outright (if any), the edge settings, the compute claim (if any) and the uncertain inputs.
 */
public record Scenario(String name, String description, List<PriceCatalog> providers, TieringMode tiering,
                       FootageVolume footage, VolumeFigures volume, EdgeSettings edge, ComputeClaim claim,
                       List<UncertainInput> uncertainty) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(footage, "footage");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(tiering, "tiering");
        providers = List.copyOf(providers);
        uncertainty = List.copyOf(uncertainty);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("providers must name at least one provider");
        }
    }

    /** The same site with another camera count; volumes given outright scale with it. */
    public Scenario withCameras(int cameras) {
        VolumeFigures scaled = volume == null ? null
                : volume.scaled(Money.divide(BigDecimal.valueOf(cameras), BigDecimal.valueOf(footage.cameras())));
        return new Scenario(name, description, providers, tiering, footage.withCameras(cameras), scaled, edge, claim,
                uncertainty);
    }

    public Scenario withProviders(List<PriceCatalog> chosen) {
        return new Scenario(name, description, chosen, tiering, footage, volume, edge, claim, uncertainty);
    }

    /** The cost inputs of this scenario and where each comes from. */
    public DerivedInputs derive() {
        Map<Input, String> sources = new EnumMap<>(Input.class);
        String fromFootage = "derived from footage: " + footage.describe();
        BigDecimal stored = pick(volume == null ? null : volume.storedGbMonths(), footage.storedGbMonths(),
                Input.STORED_GB_MONTHS, sources, fromFootage);
        BigDecimal requests = pick(volume == null ? null : volume.requests(), footage.requests(),
                Input.REQUESTS, sources, "derived from footage: one object per " + Amounts.quantity(footage.segmentSeconds())
                        + " s segment of each camera");
        BigDecimal images = pick(volume == null ? null : volume.images(), footage.images(),
                Input.IMAGES, sources, "derived from footage: " + Amounts.quantity(footage.analysedFps())
                        + " frames analysed per second per camera");
        BigDecimal uploaded = pick(volume == null ? null : volume.uploadedGb(), footage.uploadedGb(),
                Input.UPLOADED_GB, sources, fromFootage);
        BigDecimal framesPerImage = BigDecimal.ONE;
        sources.put(Input.EDGE_FRAMES_PER_IMAGE, "the edge analyses the frames the cloud would");
        if (edge.everyFrame()) {
            if (footage.analysedFps().signum() == 0) {
                throw new IllegalArgumentException("edge.compute.frames is every-frame but footage.analysedFps is 0");
            }
            framesPerImage = Money.divide(footage.fps(), footage.analysedFps());
            sources.put(Input.EDGE_FRAMES_PER_IMAGE, "the edge runs the detector on every frame");
        }
        String fromEdge = "scenario " + name + ", edge section";
        for (Input input : List.of(Input.RETAINED_FRACTION, Input.ACCESS_FACTOR, Input.EDGE_NODES,
                Input.FPS_PER_NODE, Input.PRICE_PER_HOUR, Input.UPLINK_PRICE_PER_GB)) {
            sources.put(input, fromEdge);
        }
        CostInputs values = new CostInputs(stored, requests, images, uploaded, edge.retainedFraction(),
                edge.accessFactor(), framesPerImage, edge.nodes(), edge.framesPerSecondPerNode(), edge.pricePerHour(),
                edge.uplinkPricePerGb());
        return new DerivedInputs(values, sources);
    }

    private BigDecimal pick(BigDecimal given, BigDecimal derived, Input input, Map<Input, String> sources,
                            String derivation) {
        if (given != null) {
            sources.put(input, "given in scenario " + name + " (volume." + input.key() + ", for "
                    + footage.cameras() + " cameras); the footage model gives " + Amounts.quantity(derived));
            return given;
        }
        sources.put(input, derivation);
        return derived;
    }
}
