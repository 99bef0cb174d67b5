package org.edgebatch.spec;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.ToStringSerializer;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a job spec from YAML, applies command-line overrides, and validates it, reporting every problem at once with
 * the field, the value and the line at fault. Unknown fields are errors. Relative paths are taken from the spec
 * file's folder (from the working directory for paths given as overrides) and {@code ~} is the user's home.
 */
public final class JobSpecLoader {

    /** The source named in messages about a spec built from overrides alone. */
    public static final String COMMAND_LINE = "command line";

    private final YAMLMapper mapper;
    private final Path workingDirectory;

    /** A loader taking override paths from the process's working directory. */
    public JobSpecLoader() {
        this(Path.of("").toAbsolutePath());
    }

    /** A loader taking override paths (and a file-less spec's paths) from {@code workingDirectory}. */
    public JobSpecLoader(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A list field takes a list only: "paths: /videos" is refused with a message naming the field,
                // which beats guessing what a section in place of a list meant.
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .addModule(new SimpleModule("edgebatch-spec")
                        .addDeserializer(Path.class, new SpecPathDeserializer())
                        .addDeserializer(Integer.class, new SpecIntegerDeserializer())
                        .addSerializer(Path.class, ToStringSerializer.instance))
                .build();
    }

    /** Reads and validates a spec file. */
    public JobSpec load(Path file) {
        return load(file, Map.of());
    }

    /**
     * Reads a spec file, applies overrides ({@code model.confidence -> 0.4}, {@code input.paths -> /a,/b}) and validates.
     *
     * @throws JobSpecException naming the file and every problem: unknown fields, wrong types, values out of bounds,
     *                          missing required fields, a missing model file, unknown override keys
     */
    public JobSpec load(Path file, Map<String, String> overrides) {
        Path absolute = file.toAbsolutePath();
        String source = absolute.getFileName().toString();
        String yaml;
        try {
            yaml = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            throw new JobSpecException(source, "spec file not found: " + absolute, e);
        } catch (MalformedInputException e) {
            throw new JobSpecException(source, "spec file is not UTF-8 text: " + absolute, e);
        } catch (IOException e) {
            throw new JobSpecException(source, "spec file cannot be read: " + absolute + " (" + e.getMessage() + ")", e);
        }
        return read(source, yaml, absolute.getParent(), overrides);
    }

    /**
     * Builds a spec from overrides alone, as the command line does without a spec file: at least {@code name},
     * {@code input.paths} and {@code model.path}; everything else takes its default.
     */
    public JobSpec fromOverrides(Map<String, String> overrides) {
        return read(COMMAND_LINE, "", workingDirectory, overrides);
    }

    /** The spec as YAML that loads back to an equal spec (paths absolute, every default written out). */
    public String toYaml(JobSpec spec) {
        return mapper.writeValueAsString(spec);
    }

    /** The spec as JSON that {@link #read(String, String)} loads back to an equal spec, as the job repository stores it. */
    public String toJson(JobSpec spec) {
        return JsonMapper.shared().writeValueAsString(mapper.valueToTree(spec));
    }

    /**
     * Reads and validates a spec from YAML or JSON text (as {@link #toYaml} or {@link #toJson} wrote it); relative paths
     * are taken from the working directory.
     *
     * @param source what the text is, for messages (e.g. "the spec stored for job instance 7")
     */
    public JobSpec read(String source, String text) {
        return read(source, text, workingDirectory, Map.of());
    }

    /** Every field an override can set, dotted ({@code model.confidence}); {@code nodes} need a spec file. */
    public static List<String> overridableFields() {
        return SpecOverrides.overridableFields();
    }

    private JobSpec read(String source, String yaml, Path baseDir, Map<String, String> overrides) {
        ObjectNode tree = parse(source, yaml);
        Map<String, Integer> lines = lines(yaml);

        Set<String> overridden = new HashSet<>();
        List<SpecProblem> keyProblems = new SpecOverrides(workingDirectory).apply(tree, overrides, overridden);
        List<SpecProblem> problems = new ArrayList<>();

        BindingProblemHandler handler = new BindingProblemHandler();
        ObjectReader reader = mapper.readerFor(JobSpec.class)
                .withAttribute(SpecPathDeserializer.BASE_DIR, baseDir)
                .withHandler(handler);
        JobSpec spec = null;
        try {
            spec = reader.readValue(tree);
        } catch (JacksonException e) {
            // A problem no handler could take up stopped binding: report it with the rest rather than alone.
            problems.add(SpecProblem.of(field(e), field(e) + ": " + e.getOriginalMessage()));
        }
        problems.addAll(handler.problems());
        if (spec != null) {
            SpecProblems checks = new SpecProblems();
            spec.validate(checks);
            checks.all().stream().filter(problem -> !handler.explains(problem)).forEach(problems::add);
        }
        if (!problems.isEmpty() || !keyProblems.isEmpty()) {
            List<SpecProblem> all = new ArrayList<>(locate(problems, lines, overridden));
            all.addAll(keyProblems);
            throw new JobSpecException(source, all);
        }
        return spec;
    }

    private ObjectNode parse(String source, String yaml) {
        JsonNode tree;
        try {
            tree = mapper.readTree(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
            throw new JobSpecException(source, List.of(new SpecProblem("", "not valid YAML: " + message, "",
                    line > 0 ? "line " + line : "")));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return mapper.createObjectNode();
        }
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw new JobSpecException(source, List.of(SpecProblem.of("",
                "a spec must be a mapping of fields (name: ..., input: ...), was " + tree.getNodeType().name().toLowerCase())));
    }

    /** The line each field was written on, read from the YAML text (the tree that is bound knows no lines). */
    private Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME || token.isScalarValue()) {
                    lines.putIfAbsent(SpecPaths.field(parser.streamReadContext()), parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    /** Adds each problem's line, or that it came from an override, and orders them as the file reads. */
    private static List<SpecProblem> locate(List<SpecProblem> problems, Map<String, Integer> lines, Set<String> overridden) {
        List<SpecProblem> located = new ArrayList<>();
        for (SpecProblem problem : problems) {
            if (overridden.stream().anyMatch(problem::within)) {
                located.add(problem.at("set by override"));
                continue;
            }
            // A missing field has no line of its own: point at the section it is missing from.
            String field = problem.field();
            while (!field.isEmpty() && !lines.containsKey(field)) {
                field = SpecPaths.parent(field);
            }
            Integer line = lines.get(field);
            located.add(line == null || !problem.location().isEmpty() ? problem : problem.at("line " + line));
        }
        located.sort(Comparator.comparingInt(p -> lineOf(p.location())));
        return located;
    }

    private static int lineOf(String location) {
        return location.startsWith("line ") ? Integer.parseInt(location.substring(5)) : Integer.MAX_VALUE;
    }

    private static String field(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "spec" : out.toString();
    }
}
