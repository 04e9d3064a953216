package org.sigmoid4j.train;

import org.sigmoid4j.nn.Targets;

/**
 * Training or evaluation examples: {@code rows × cols} features, row-major, already
 * preprocessed, with their targets (labels or dense values).
 */
public record Examples(double[] x, int rows, int cols, Targets targets) {

    public Examples {
        if (rows < 0 || cols <= 0 || x.length < (long) rows * cols) {
            throw new IllegalArgumentException("features must hold rows x cols = " + rows + " x " + cols
                    + " values, got " + x.length);
        }
        if (targets.rows() < rows) {
            throw new IllegalArgumentException("there are " + rows + " rows but only " + targets.rows() + " targets");
        }
    }

    public static Examples ofLabels(double[] x, int rows, int cols, int[] labels) {
        return new Examples(x, rows, cols, Targets.labels(labels, rows));
    }

    /** The rows at the given indices (copied), e.g. a train/test split. */
    public Examples select(int[] indices) {
        double[] xs = new double[indices.length * cols];
        for (int i = 0; i < indices.length; i++) System.arraycopy(x, indices[i] * cols, xs, i * cols, cols);
        if (targets.hasLabels()) {
            int[] ys = new int[indices.length];
            for (int i = 0; i < indices.length; i++) ys[i] = targets.label(indices[i]);
            return new Examples(xs, indices.length, cols, Targets.labels(ys));
        }
        int tc = targets.cols();
        double[] ts = new double[indices.length * tc];
        for (int i = 0; i < indices.length; i++) System.arraycopy(targets.valueArray(), indices[i] * tc, ts, i * tc, tc);
        return new Examples(xs, indices.length, cols, Targets.values(ts, tc));
    }
}
