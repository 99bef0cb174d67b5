package org.edgebatch.cost.io;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgebatch.cost.ComputeClaim;
import org.edgebatch.cost.CostInputException;
import org.edgebatch.cost.EdgeSettings;
import org.edgebatch.cost.FootageVolume;
import org.edgebatch.cost.Input;
import org.edgebatch.cost.InputDistribution;
import org.edgebatch.cost.PriceCatalog;
import org.edgebatch.cost.Scenario;
import org.edgebatch.cost.TieringMode;
import org.edgebatch.cost.UncertainInput;
import org.edgebatch.cost.VolumeFigures;
import org.edgebatch.cost.io.ScenarioSpec.DistributionSpec;
import org.edgebatch.cost.io.ScenarioSpec.EdgeSpec;
import org.edgebatch.cost.io.ScenarioSpec.FootageSpec;

/** Reads and validates a scenario file (YAML); every error names the file and the field at fault. */
public final class ScenarioReader {

    private final SpecMapper mapper = SpecMapper.strictYaml();
    private final Catalogs catalogs;

    public ScenarioReader(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** A scenario shipped with EdgeBatch ({@code published}). */
    public Scenario bundled(String name) {
        InputStream in = ScenarioReader.class.getResourceAsStream("/org/edgebatch/cost/scenarios/" + name + ".yaml");
        if (in == null) {
            throw new CostInputException("no bundled scenario '" + name + "'");
        }
        return read(in, name + ".yaml");
    }

    public Scenario read(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new CostInputException("scenario file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new CostInputException("scenario file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Scenario read(InputStream in, String sourceName) {
        ScenarioSpec spec = mapper.read(in, sourceName, ScenarioSpec.class);
        SpecFields fields = new SpecFields(sourceName);
        Catalogs known = catalogs.with(inlineCatalogs(spec, sourceName));
        List<String> providerKeys = fields.require(spec.providers(), "providers");
        if (providerKeys.isEmpty()) {
            throw fields.error("providers", "must name at least one provider");
        }
        List<PriceCatalog> providers = new ArrayList<>();
        for (int i = 0; i < providerKeys.size(); i++) {
            String field = "providers[" + i + "]";
            try {
                providers.add(known.get(fields.require(providerKeys.get(i), field), field));
            } catch (CostInputException e) {
                throw new CostInputException(sourceName + ": " + e.getMessage(), e);
            }
        }
        TieringMode tiering = tiering(fields, spec.tiering());
        FootageVolume footage = footage(fields, fields.require(spec.footage(), "footage"));
        VolumeFigures volume = spec.volume() == null ? null : fields.within("volume", () -> new VolumeFigures(
                fields.optionalNumber(spec.volume().storedGbMonths(), "volume.storedGbMonths"),
                fields.optionalNumber(spec.volume().requests(), "volume.requests"),
                fields.optionalNumber(spec.volume().images(), "volume.images"),
                fields.optionalNumber(spec.volume().uploadedGb(), "volume.uploadedGb")));
        EdgeSettings edge = edge(fields, fields.require(spec.edge(), "edge"));
        ComputeClaim claim = spec.claim() == null ? null : fields.within("claim", () -> new ComputeClaim(
                fields.number(spec.claim().footageHours(), "claim.footageHours"),
                fields.number(spec.claim().sourceFps(), "claim.sourceFps"),
                fields.optionalNumber(spec.claim().quoted(), "claim.quoted")));
        List<UncertainInput> uncertainty = new ArrayList<>();
        if (spec.uncertainty() != null) {
            spec.uncertainty().forEach((key, distribution) -> uncertainty.add(uncertain(fields, key, distribution)));
        }
        String name = fields.require(spec.name(), "name");
        return fields.within("", () -> new Scenario(name, spec.description() == null ? "" : spec.description().strip(),
                providers, tiering, footage, volume, edge, claim, uncertainty));
    }

    private static TieringMode tiering(SpecFields fields, String text) {
        if (text == null) {
            return TieringMode.LIST_PRICE;
        }
        try {
            return TieringMode.of(text);
        } catch (IllegalArgumentException e) {
            throw fields.error("tiering", "must be published or list-price, was '" + text + "'");
        }
    }

    private Map<String, PriceCatalog> inlineCatalogs(ScenarioSpec spec, String sourceName) {
        Map<String, PriceCatalog> inline = new LinkedHashMap<>();
        if (spec.catalogs() != null) {
            CatalogReader reader = new CatalogReader();
            spec.catalogs().forEach((key, catalog) -> {
                String prefix = "catalogs." + key + ".";
                if (catalog == null) {
                    throw new SpecFields(sourceName).error("catalogs." + key, "is empty");
                }
                PriceCatalog parsed = reader.fromSpec(catalog, sourceName, prefix);
                if (!parsed.provider().equals(key)) {
                    throw new SpecFields(sourceName).error(prefix + "provider", "must be '" + key
                            + "' (the key it is listed under), was '" + parsed.provider() + "'");
                }
                inline.put(key, parsed);
            });
        }
        return inline;
    }

    private FootageVolume footage(SpecFields fields, FootageSpec spec) {
        int cameras = fields.integer(spec.cameras(), "footage.cameras", null);
        if (cameras <= 0) {
            throw fields.error("footage.cameras", "must be > 0, was " + cameras);
        }
        BigDecimal gbPerCameraHour;
        if (spec.gbPerHour() != null && spec.bitrateMbps() != null) {
            throw fields.error("footage.bitrateMbps", "cannot be given with footage.gbPerHour: give one of them");
        } else if (spec.gbPerHour() != null) {
            BigDecimal total = fields.number(spec.gbPerHour(), "footage.gbPerHour");
            if (total.signum() <= 0) {
                throw fields.error("footage.gbPerHour", "must be > 0, was " + total.toPlainString());
            }
            gbPerCameraHour = total.divide(BigDecimal.valueOf(cameras), org.edgebatch.cost.Money.PRECISION);
        } else if (spec.bitrateMbps() != null) {
            BigDecimal mbps = fields.number(spec.bitrateMbps(), "footage.bitrateMbps");
            if (mbps.signum() <= 0) {
                throw fields.error("footage.bitrateMbps", "must be > 0, was " + mbps.toPlainString());
            }
            gbPerCameraHour = FootageVolume.gbPerHourFromMbps(mbps);
        } else {
            throw fields.error("footage.gbPerHour", "is missing (give gbPerHour for all cameras, or bitrateMbps per camera)");
        }
        String archive = spec.archive() == null ? "full" : spec.archive().strip();
        if (!Set.of("full", "empty").contains(archive)) {
            throw fields.error("footage.archive", "must be 'full' (steady state) or 'empty' (filling up), was '" + archive + "'");
        }
        return fields.within("footage", () -> new FootageVolume(cameras, spec.resolution(),
                fields.number(spec.fps(), "footage.fps"), gbPerCameraHour,
                fields.number(spec.hoursPerDay(), "footage.hoursPerDay", "24"),
                fields.integer(spec.retentionMonths(), "footage.retentionMonths", "12"),
                fields.integer(spec.billingMonths(), "footage.billingMonths", "12"),
                archive.equals("full"),
                fields.number(spec.analysedFps(), "footage.analysedFps", "1"),
                fields.number(spec.segmentSeconds(), "footage.segmentSeconds", "2")));
    }

    private EdgeSettings edge(SpecFields fields, EdgeSpec spec) {
        var compute = fields.require(spec.compute(), "edge.compute");
        String frames = compute.frames() == null ? "sampled" : compute.frames().strip();
        if (!Set.of("sampled", "every-frame").contains(frames)) {
            throw fields.error("edge.compute.frames", "must be 'sampled' (the frames the cloud would analyse) or 'every-frame', was '"
                    + frames + "'");
        }
        BigDecimal retained = fields.number(spec.retainedFraction(), "edge.retainedFraction");
        BigDecimal access = fields.number(spec.accessFactor(), "edge.accessFactor", "1");
        BigDecimal uplink = fields.number(spec.uplinkPricePerGb(), "edge.uplinkPricePerGb", "0");
        BigDecimal nodes = fields.number(compute.nodes(), "edge.compute.nodes");
        BigDecimal price = fields.number(compute.pricePerHour(), "edge.compute.pricePerHour");
        BigDecimal fps = fields.number(compute.framesPerSecondPerNode(), "edge.compute.framesPerSecondPerNode");
        // EdgeSettings names inputs by their keys; map them back to where they sit in the file.
        try {
            return new EdgeSettings(retained, access, uplink, nodes, price, fps, frames.equals("every-frame"));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (String computeKey : List.of(Input.EDGE_NODES.key(), Input.PRICE_PER_HOUR.key(), Input.FPS_PER_NODE.key())) {
                if (message.startsWith(computeKey + " ")) {
                    String field = computeKey.equals(Input.EDGE_NODES.key()) ? "nodes" : computeKey;
                    throw fields.error("edge.compute." + field, message.substring(computeKey.length() + 1));
                }
            }
            throw fields.at("edge." + message, e);
        }
    }

    private UncertainInput uncertain(SpecFields fields, String key, DistributionSpec spec) {
        String path = "uncertainty." + key;
        Input input;
        try {
            input = Input.of(key);
        } catch (IllegalArgumentException e) {
            throw fields.error(path, "names no input: " + e.getMessage());
        }
        fields.require(spec, path);
        String kind = fields.require(spec.distribution(), path + ".distribution").strip();
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "min", spec.min());
        put(given, "max", spec.max());
        put(given, "mode", spec.mode());
        put(given, "mean", spec.mean());
        put(given, "sd", spec.sd());
        put(given, "median", spec.median());
        put(given, "sigma", spec.sigma());
        List<String> needed = switch (kind) {
            case "uniform" -> List.of("min", "max");
            case "triangular" -> List.of("min", "mode", "max");
            case "normal" -> List.of("mean", "sd");
            case "lognormal" -> List.of("median", "sigma");
            default -> throw fields.error(path + ".distribution",
                    "must be uniform, triangular, normal or lognormal, was '" + kind + "'");
        };
        for (String parameter : given.keySet()) {
            if (!needed.contains(parameter)) {
                throw fields.error(path + "." + parameter, "is not a parameter of a " + kind + " distribution (it takes "
                        + String.join(", ", needed) + ")");
            }
        }
        double[] p = needed.stream().mapToDouble(n -> fields.number(given.get(n), path + "." + n).doubleValue()).toArray();
        InputDistribution distribution = fields.within(path, () -> switch (kind) {
            case "uniform" -> new InputDistribution.Uniform(p[0], p[1]);
            case "triangular" -> new InputDistribution.Triangular(p[0], p[1], p[2]);
            case "normal" -> new InputDistribution.Normal(p[0], p[1]);
            default -> new InputDistribution.LogNormal(p[0], p[1]);
        });
        return new UncertainInput(input, distribution);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
