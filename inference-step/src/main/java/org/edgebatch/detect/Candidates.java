package org.edgebatch.detect;

import java.util.Arrays;

/**
 * Boxes that passed the confidence threshold, before NMS, in model-input pixels: a growable
 * struct-of-arrays buffer that a decoder fills and clears every frame without allocating.
 * Not thread-safe.
 */
public final class Candidates {

    private float[] x1;
    private float[] y1;
    private float[] x2;
    private float[] y2;
    private float[] scores;
    private int[] classIds;
    private int size;

    public Candidates() {
        this(256);
    }

    public Candidates(int initialCapacity) {
        int capacity = Math.max(1, initialCapacity);
        x1 = new float[capacity];
        y1 = new float[capacity];
        x2 = new float[capacity];
        y2 = new float[capacity];
        scores = new float[capacity];
        classIds = new int[capacity];
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    /** Adds a box given by its corners. */
    public void add(float x1, float y1, float x2, float y2, float score, int classId) {
        if (size == scores.length) {
            grow();
        }
        this.x1[size] = x1;
        this.y1[size] = y1;
        this.x2[size] = x2;
        this.y2[size] = y2;
        this.scores[size] = score;
        this.classIds[size] = classId;
        size++;
    }

    /** Adds a box given by its centre and size, as YOLO heads emit them. */
    public void addCentred(float cx, float cy, float w, float h, float score, int classId) {
        float halfW = w / 2;
        float halfH = h / 2;
        add(cx - halfW, cy - halfH, cx + halfW, cy + halfH, score, classId);
    }

    public float x1(int i) {
        return x1[i];
    }

    public float y1(int i) {
        return y1[i];
    }

    public float x2(int i) {
        return x2[i];
    }

    public float y2(int i) {
        return y2[i];
    }

    public float score(int i) {
        return scores[i];
    }

    public int classId(int i) {
        return classIds[i];
    }

    private void grow() {
        int capacity = scores.length * 2;
        x1 = Arrays.copyOf(x1, capacity);
        y1 = Arrays.copyOf(y1, capacity);
        x2 = Arrays.copyOf(x2, capacity);
        y2 = Arrays.copyOf(y2, capacity);
        scores = Arrays.copyOf(scores, capacity);
        classIds = Arrays.copyOf(classIds, capacity);
    }
}
