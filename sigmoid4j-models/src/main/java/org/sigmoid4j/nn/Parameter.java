package org.sigmoid4j.nn;

/**
 * A learnable array and its gradient (micrograd's {@code Value} at array granularity), named
 * within its layer ({@code "weight"}, {@code "bias"}, {@code "gamma"}, {@code "beta"},
 * {@code "slope"}, {@code "shift"}, ...). Shape is rows × cols (a weight matrix is
 * out × in, row-major as in PyTorch; vectors are 1 × n).
 *
 * <p>{@link #grad()} holds ∂(mean loss of the last backward pass)/∂value; backward passes
 * overwrite it. {@link #regularized()} tells whether L2 weight decay applies (weights yes,
 * biases and normalisation parameters no, as in Nielsen's book).
 */
public final class Parameter {

    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private final boolean regularized;

    public Parameter(String name, Precision precision, int rows, int cols, boolean regularized) {
        this.name = name;
        this.value = Tensor.zeros(precision, rows, cols);
        this.grad = Tensor.zeros(precision, rows, cols);
        this.regularized = regularized;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return value.rows();
    }

    public int cols() {
        return value.cols();
    }

    public int size() {
        return value.size();
    }

    public Precision precision() {
        return value.precision();
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    public boolean regularized() {
        return regularized;
    }

    public double[] valuesAsDouble() {
        return value.toDoubleArray();
    }

    public double[] gradsAsDouble() {
        return grad.toDoubleArray();
    }

    /** Sets all values from doubles (rounded to float for F32). */
    public void setValues(double[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException(name + ": expected " + size() + " values, got " + values.length);
        }
        value.copyFrom(values, 0);
    }

    public double valueNorm() {
        return value.norm();
    }

    public double gradNorm() {
        return grad.norm();
    }

    @Override
    public String toString() {
        return name + "[" + rows() + "x" + cols() + "]";
    }
}
