package org.edgebatch.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A job spec that cannot be used, with every problem found in it: the message names the spec's source and, for each
 * problem, the field, the bad value and the line, e.g. {@code lobby.yaml: model.confidence must be between 0 and 1, was 1.5 (line 10)}.
 */
public class JobSpecException extends RuntimeException {

    private final String source;
    private final transient List<SpecProblem> problems;

    public JobSpecException(String source, List<SpecProblem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    JobSpecException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.problems = List.of(SpecProblem.of("", message));
    }

    /** Where the spec came from: its file name, or {@code command line} for a spec built from flags only. */
    public String source() {
        return source;
    }

    /** Every problem found, in the order of the spec's lines. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<SpecProblem> problems) {
        if (problems.size() == 1) {
            return source + ": " + problems.getFirst();
        }
        return problems.stream()
                .map(problem -> "  - " + problem)
                .collect(Collectors.joining("\n", source + ": " + problems.size() + " problems\n", ""));
    }
}
