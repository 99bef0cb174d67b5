package org.edgebatch.job;

/**
 * The message a person needs from a failed step's exit description, which Spring Batch stores as a stack trace: the
 * message of the deepest cause ("/videos/a.mp4: truncated: ..."), not the wrappers' ("Unable to process chunk").
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    /** The root cause's message in an exit description, or the description itself when it holds no stack trace. */
    public static String rootMessage(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return "";
        }
        String[] lines = exitDescription.split("\\R");
        String root = lines[0];
        for (String line : lines) {
            if (line.startsWith("Caused by: ")) {
                root = line.substring("Caused by: ".length());
            }
        }
        return stripExceptionClass(root.strip());
    }

    /** {@code org.x.SomeException: message} → {@code message}; anything else unchanged. */
    static String stripExceptionClass(String line) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
            String head = line.substring(0, colon);
            if (head.matches("[\\w.$]+") && (head.endsWith("Exception") || head.endsWith("Error"))) {
                return line.substring(colon + 2);
            }
        }
        return line;
    }
}
