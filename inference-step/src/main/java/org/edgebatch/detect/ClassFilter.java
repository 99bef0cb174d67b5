package org.edgebatch.detect;

import java.util.BitSet;
import java.util.Collection;

/** Which class ids a detector reports; {@link #all()} reports every class. */
public final class ClassFilter {

    private static final ClassFilter ALL = new ClassFilter(null);

    private final BitSet allowed;

    private ClassFilter(BitSet allowed) {
        this.allowed = allowed;
    }

    public static ClassFilter all() {
        return ALL;
    }

    /** Only the given class ids (each at least 0). */
    public static ClassFilter of(Collection<Integer> classIds) {
        BitSet allowed = new BitSet();
        for (int id : classIds) {
            if (id < 0) {
                throw new IllegalArgumentException("class id must not be negative, was " + id);
            }
            allowed.set(id);
        }
        return new ClassFilter(allowed);
    }

    public boolean accepts(int classId) {
        return allowed == null || allowed.get(classId);
    }

    public boolean acceptsAll() {
        return allowed == null;
    }

    @Override
    public String toString() {
        return allowed == null ? "all classes" : "classes " + allowed;
    }
}
