package org.sigmoid4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, stratified train/test split: within each class, rows are shuffled with
 * {@code SplittableRandom(seed)} (Fisher–Yates, classes in index order) and
 * {@code round(testFraction × count)} of them go to the test set (at least one row stays in
 * training). Both sets keep the file's row order. The same data, fraction and seed always give
 * the same split.
 */
public record Split(int[] train, int[] test) {

    public static Split stratified(int[] y, int numClasses, double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<int[]> byClass = new ArrayList<>();
        int[] counts = new int[numClasses];
        for (int c : y) {
            counts[c]++;
        }
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new int[counts[c]]);
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i])[fill[y[i]]++] = i;
        }
        boolean[] inTest = new boolean[y.length];
        int nTest = 0;
        for (int c = 0; c < numClasses; c++) {
            int[] idx = byClass.get(c);
            for (int i = idx.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            int k = (int) Math.min(Math.round(testFraction * idx.length), Math.max(0, idx.length - 1));
            for (int i = 0; i < k; i++) {
                inTest[idx[i]] = true;
            }
            nTest += k;
        }
        int[] train = new int[y.length - nTest];
        int[] test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < y.length; i++) {
            if (inTest[i]) {
                test[b++] = i;
            } else {
                train[a++] = i;
            }
        }
        return new Split(train, test);
    }

    /** Copies the rows {@code idx} of the row-major {@code x} (d columns) into a new array. */
    public static double[] rows(double[] x, int d, int[] idx) {
        double[] out = new double[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * d, out, i * d, d);
        }
        return out;
    }

    /** The entries {@code idx} of {@code y}. */
    public static int[] rows(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = y[idx[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", test=" + test.length + ", first test rows " + Arrays.toString(Arrays.copyOf(test, Math.min(5, test.length))) + "]";
    }
}
