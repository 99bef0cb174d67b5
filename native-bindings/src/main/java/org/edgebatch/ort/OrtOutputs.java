package org.edgebatch.ort;

import java.util.List;

/** The outputs of one {@link OrtSession#run} call, in the model's output order; closing it releases them all. */
public final class OrtOutputs implements AutoCloseable {

    private final List<String> names;
    private final List<OrtValue> values;

    OrtOutputs(List<String> names, List<OrtValue> values) {
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
    }

    /** The number of outputs. */
    public int size() {
        return values.size();
    }

    /** The output names, in order. */
    public List<String> names() {
        return names;
    }

    /** An output by position. */
    public OrtValue get(int index) {
        return values.get(index);
    }

    /**
     * An output by name.
     *
     * @throws IllegalArgumentException naming the unknown output and the known ones
     */
    public OrtValue get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No output named '" + name + "'; outputs are " + names);
        }
        return values.get(index);
    }

    /** Releases every output; idempotent. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (OrtValue value : values) {
            try {
                value.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
