package org.edgebatch.ort;

import java.util.Arrays;
import java.util.Objects;

/** A tensor's name, element type and shape; a dimension of -1 is dynamic (known per request). */
public record TensorInfo(String name, ElementType elementType, long[] shape) {

    /** Checks the components and copies the shape. */
    public TensorInfo {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(elementType, "elementType must not be null");
        Objects.requireNonNull(shape, "shape must not be null");
        shape = shape.clone();
        for (long dim : shape) {
            if (dim < -1) {
                throw new IllegalArgumentException("Tensor '" + name + "' has an invalid dimension " + dim
                        + " in shape " + Arrays.toString(shape));
            }
        }
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The size of one dimension (-1 when dynamic), without copying the shape. */
    public long dimension(int index) {
        return shape[index];
    }

    /** True when no dimension is dynamic. */
    public boolean isStatic() {
        for (long dim : shape) {
            if (dim < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of elements (1 for a scalar).
     *
     * @throws IllegalStateException when a dimension is dynamic
     */
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalStateException("Tensor '" + name + "' has the dynamic shape " + Arrays.toString(shape)
                        + "; its element count is known only for concrete shapes");
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    /**
     * The number of bytes of the tensor's data, row-major.
     *
     * @throws IllegalStateException when a dimension is dynamic or the element type has no fixed size
     */
    public long byteSize() {
        if (elementType.byteSize() == 0) {
            throw new IllegalStateException("Tensor '" + name + "' has element type " + elementType
                    + ", which has no fixed size");
        }
        return Math.multiplyExact(elementCount(), elementType.byteSize());
    }

    /** The same name and type with a concrete shape. */
    public TensorInfo withShape(long[] concreteShape) {
        return new TensorInfo(name, elementType, concreteShape);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that && name.equals(that.name) && elementType == that.elementType
                && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, elementType, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return name + ":" + elementType + Arrays.toString(shape);
    }
}
