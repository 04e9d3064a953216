package org.sigmoid4j.nn;

import java.util.Arrays;

/**
 * A dense row-major matrix (rows = examples of a batch, columns = units) in one precision,
 * backed by one contiguous {@code float[]} or {@code double[]} that may be larger than
 * rows × cols (buffers are reused across batches of different sizes). The raw array goes
 * straight to the kernels; {@link #get}/{@link #set} are for small bookkeeping and tests.
 */
public final class Tensor {

    private final Precision precision;
    private float[] f;
    private double[] d;
    private int rows;
    private int cols;

    private Tensor(Precision precision, int rows, int cols) {
        this.precision = precision;
        resize(rows, cols);
    }

    public static Tensor zeros(Precision precision, int rows, int cols) {
        return new Tensor(precision, rows, cols);
    }

    /** A tensor holding a copy of {@code values} (row-major, rows × cols), in the given precision. */
    public static Tensor of(Precision precision, int rows, int cols, double[] values) {
        Tensor t = new Tensor(precision, rows, cols);
        t.copyFrom(values, 0);
        return t;
    }

    public Precision precision() {
        return precision;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return rows * cols;
    }

    /**
     * Makes this tensor rows × cols, growing the backing array if needed. Contents are then
     * unspecified (callers overwrite them).
     */
    public Tensor resize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        int n = Math.multiplyExact(rows, cols);
        if (precision == Precision.F32) {
            if (f == null || f.length < n) f = new float[n];
        } else {
            if (d == null || d.length < n) d = new double[n];
        }
        this.rows = rows;
        this.cols = cols;
        return this;
    }

    /** The backing float array (F32 only); may be longer than {@link #size()}. */
    public float[] f32() {
        if (f == null) throw new IllegalStateException("not an f32 tensor");
        return f;
    }

    /** The backing double array (F64 only); may be longer than {@link #size()}. */
    public double[] f64() {
        if (d == null) throw new IllegalStateException("not an f64 tensor");
        return d;
    }

    public double get(int i) {
        return f != null ? f[i] : d[i];
    }

    public double get(int row, int col) {
        return get(row * cols + col);
    }

    public void set(int i, double v) {
        if (f != null) f[i] = (float) v;
        else d[i] = v;
    }

    public void set(int row, int col, double v) {
        set(row * cols + col, v);
    }

    public void fill(double v) {
        if (f != null) Arrays.fill(f, 0, size(), (float) v);
        else Arrays.fill(d, 0, size(), v);
    }

    /** Copies size() values from {@code src[off..]} (rounded to float for F32). */
    public void copyFrom(double[] src, int off) {
        int n = size();
        if (f != null) {
            for (int i = 0; i < n; i++) f[i] = (float) src[off + i];
        } else {
            System.arraycopy(src, off, d, 0, n);
        }
    }

    /** Copies the contents (same shape) of another tensor of the same precision. */
    public void copyFrom(Tensor other) {
        resize(other.rows, other.cols);
        if (f != null) System.arraycopy(other.f32(), 0, f, 0, size());
        else System.arraycopy(other.f64(), 0, d, 0, size());
    }

    /** A fresh double[] with the size() values. */
    public double[] toDoubleArray() {
        double[] out = new double[size()];
        if (f != null) {
            for (int i = 0; i < out.length; i++) out[i] = f[i];
        } else {
            System.arraycopy(d, 0, out, 0, out.length);
        }
        return out;
    }

    /** √Σ x², accumulated in double. */
    public double norm() {
        double s = 0;
        int n = size();
        if (f != null) {
            for (int i = 0; i < n; i++) s += (double) f[i] * f[i];
        } else {
            for (int i = 0; i < n; i++) s += d[i] * d[i];
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "Tensor[" + precision.id() + " " + rows + "x" + cols + "]";
    }
}
