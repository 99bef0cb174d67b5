package org.edgebatch.job;

/**
 * The names of partition step executions, {@code <worker step>:<partition>} as Spring Batch's step execution splitter
 * makes them (e.g. {@code detectWorker:node-a-v0}); every reader of a partition's name goes through here.
 */
public final class PartitionNames {

    /** What separates the worker step's name from the partition's. */
    public static final char SEPARATOR = ':';

    private PartitionNames() {
    }

    /** True for a partition's step execution name, false for a manager or plain step's. */
    public static boolean isPartition(String stepName) {
        return stepName.indexOf(SEPARATOR) > 0;
    }

    /** True when {@code stepName} is a partition of {@code workerStep}. */
    public static boolean isPartitionOf(String stepName, String workerStep) {
        return isPartition(stepName) && workerStep(stepName).equals(workerStep);
    }

    /** The worker step part ({@code detectWorker}); the name itself when it is no partition's. */
    public static String workerStep(String stepName) {
        int separator = stepName.indexOf(SEPARATOR);
        return separator < 0 ? stepName : stepName.substring(0, separator);
    }

    /** The partition part ({@code node-a-v0}); empty when it is no partition's. */
    public static String partition(String stepName) {
        int separator = stepName.indexOf(SEPARATOR);
        return separator < 0 ? "" : stepName.substring(separator + 1);
    }
}
