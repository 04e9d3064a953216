package org.sigmoid4j.nn;

/**
 * What a loss compares the network's outputs with, for a batch of rows: either class labels
 * (one int per row) or dense target values (rows × cols doubles, e.g. probabilities or
 * regression targets). {@link #value(int, int, int)} gives a dense view of labels: with one
 * output the label itself (0/1), with K outputs the one-hot encoding.
 */
public final class Targets {

    private final int[] labels;
    private final double[] values;
    private final int cols;
    private int rows;

    private Targets(int[] labels, double[] values, int cols, int rows) {
        this.labels = labels;
        this.values = values;
        this.cols = cols;
        this.rows = rows;
    }

    public static Targets labels(int[] labels) {
        return new Targets(labels, null, 1, labels.length);
    }

    /** Labels for the first {@code rows} entries of a (reused) array. */
    public static Targets labels(int[] labels, int rows) {
        return new Targets(labels, null, 1, rows);
    }

    public static Targets values(double[] values, int cols) {
        if (cols <= 0 || values.length % cols != 0) {
            throw new IllegalArgumentException("target values length " + values.length + " is not a multiple of " + cols);
        }
        return new Targets(null, values, cols, values.length / cols);
    }

    public static Targets values(double[] values, int cols, int rows) {
        return new Targets(null, values, cols, rows);
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public int rows() {
        return rows;
    }

    /** Columns of the dense values (1 for labels). */
    public int cols() {
        return cols;
    }

    public int label(int row) {
        if (labels == null) throw new IllegalStateException("these targets are dense values, not labels");
        return labels[row];
    }

    public int[] labelArray() {
        return labels;
    }

    public double[] valueArray() {
        return values;
    }

    /** Sets the number of rows in use (for reused batch buffers). */
    public void setRows(int rows) {
        this.rows = rows;
    }

    /** The dense target for (row, col) when the network has {@code outputs} outputs. */
    public double value(int row, int col, int outputs) {
        if (labels != null) {
            return outputs == 1 ? labels[row] : (labels[row] == col ? 1.0 : 0.0);
        }
        if (cols != outputs) {
            throw new IllegalArgumentException("targets have " + cols + " columns but the network has " + outputs + " outputs");
        }
        return values[row * cols + col];
    }
}
