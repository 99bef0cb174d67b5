package org.edgebatch.job;

/**
 * How to launch a spec: {@code onlyNewOrChanged} plans only the files the job has not processed in their present size
 * and modification time (what a scheduled run does); {@code specSource} says where the spec came from.
 */
public record LaunchOptions(String specSource, boolean onlyNewOrChanged) {

    public static LaunchOptions of(String specSource) {
        return new LaunchOptions(specSource, false);
    }

    public LaunchOptions withOnlyNewOrChanged() {
        return new LaunchOptions(specSource, true);
    }
}
