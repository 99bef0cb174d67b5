package org.edgebatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code bench suite} JSON of every version this build knows: version 1 (this build's), and version 0 (the
 * first, which named the machine {@code host}, gave latencies without frames/s and jobs without real-time factor,
 * and had no ONNX Runtime, ceiling, frames at once or peak RSS). Anything else is refused naming the file and what is
 * wrong.
 */
final class SuiteResultsReader {

    /** The newest version read; that of {@code bench suite}'s JSON. */
    static final int NEWEST = 1;

    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * @throws CommandRefusal for a missing or unreadable file, malformed JSON, an unknown version or a missing field
     */
    SuiteResults read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CommandRefusal("no such file: " + file);
        } catch (IOException e) {
            throw new CommandRefusal("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new CommandRefusal(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new CommandRefusal(file + " is not a bench suite result (not a JSON object)");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new CommandRefusal(file + " has no version number: it is not JSON that 'bench suite --json' wrote");
        }
        int v = version.asInt();
        if (v < 0 || v > NEWEST) {
            throw new CommandRefusal(file + " is bench suite JSON version " + v + "; this edgebatch reads versions 0 to "
                    + NEWEST + (v > NEWEST ? " (update edgebatch to read it)" : ""));
        }
        return new Fields(file, v).results(root);
    }

    /** The reading of one file: every missing field is named with its path. */
    private record Fields(Path file, int version) {

        SuiteResults results(JsonNode root) {
            JsonNode machine = field(root, version == 0 ? "host" : "machine", "");
            JsonNode fingerprint = field(root, "fingerprint", "");
            List<String> isa = new ArrayList<>();
            field(fingerprint, "isa", "fingerprint.").forEach(flag -> isa.add(flag.asString()));
            List<SuiteResults.DetectorRate> detectors = new ArrayList<>();
            List<SuiteResults.AtOnceRate> atOnce = new ArrayList<>();
            JsonNode models = array(root, "models", "");
            for (int i = 0; i < models.size(); i++) {
                JsonNode model = models.get(i);
                String at = "models[" + i + "].";
                String name = field(model, "model", at).asString();
                String provider = field(model, "provider", at).asString();
                String status = version == 0 ? "ok" : field(model, "status", at).asString();
                JsonNode latencies = array(model, "latency", at);
                if (!status.equals("ok") || latencies.isEmpty()) {
                    detectors.add(new SuiteResults.DetectorRate(name, provider, status.equals("ok") ? "no latency" : status, 0, 0));
                }
                JsonNode streams = model.get("framesAtOnce");
                if (streams != null && streams.isObject()) {
                    String aty = at + "framesAtOnce.";
                    atOnce.add(new SuiteResults.AtOnceRate(name, provider, field(streams, "streams", aty).asInt(),
                            number(streams, "framesPerSecond", aty)));
                }
                for (int j = 0; j < latencies.size(); j++) {
                    JsonNode latency = latencies.get(j);
                    String lat = at + "latency[" + j + "].";
                    double fps = version == 0 ? 1000 / number(latency, "medianMillis", lat) : number(latency, "framesPerSecond", lat);
                    detectors.add(new SuiteResults.DetectorRate(name, provider, "ok", field(latency, "threads", lat).asInt(), fps));
                }
            }
            List<SuiteResults.DecodeRate> decodes = new ArrayList<>();
            JsonNode decode = array(root, "decode", "");
            for (int i = 0; i < decode.size(); i++) {
                String at = "decode[" + i + "].";
                decodes.add(new SuiteResults.DecodeRate(field(decode.get(i), "footage", at).asString(),
                        field(decode.get(i), "mode", at).asString(), number(decode.get(i), "framesPerSecond", at)));
            }
            List<SuiteResults.JobRate> jobs = new ArrayList<>();
            JsonNode jobArray = array(root, "jobs", "");
            for (int i = 0; i < jobArray.size(); i++) {
                JsonNode job = jobArray.get(i);
                String at = "jobs[" + i + "].";
                double realTime = version == 0 ? number(job, "footageSeconds", at) / number(job, "wallSeconds", at)
                        : number(job, "realTimeFactor", at);
                jobs.add(new SuiteResults.JobRate(field(job, "model", at).asString(), field(job, "provider", at).asString(),
                        field(job, "footage", at).asString(), field(job, "sampling", at).asString(),
                        number(job, "framesPerSecond", at), realTime));
            }
            return new SuiteResults(file.toString(), version, machine.asString(), field(fingerprint, "cpuModel", "fingerprint.").asString(),
                    field(fingerprint, "cores", "fingerprint.").asInt(), field(fingerprint, "threads", "fingerprint.").asInt(), isa,
                    field(fingerprint, "memoryBytes", "fingerprint.").asLong(),
                    version == 0 ? "" : field(fingerprint, "onnxRuntime", "fingerprint.").asString(), detectors, atOnce, decodes, jobs,
                    version == 0 ? -1 : field(root, "peakRssBytes", "").asLong());
        }

        private JsonNode field(JsonNode node, String name, String at) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new CommandRefusal(file + " (bench suite JSON version " + version + ") lacks " + at + name);
            }
            return value;
        }

        private JsonNode array(JsonNode node, String name, String at) {
            JsonNode value = field(node, name, at);
            if (!value.isArray()) {
                throw new CommandRefusal(file + ": " + at + name + " is not an array");
            }
            return value;
        }

        private double number(JsonNode node, String name, String at) {
            JsonNode value = field(node, name, at);
            if (!value.isNumber()) {
                throw new CommandRefusal(file + ": " + at + name + " is not a number");
            }
            return value.asDouble();
        }
    }
}
