package org.sigmoid4j.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.sigmoid4j.testkit.SharedFiles;

/** A small test-local reader for the shared numeric CSV files (last column = label), plain or gzip. */
final class TestData {

    final double[] x;
    final int[] y;
    final int rows;
    final int cols;

    private TestData(double[] x, int[] y, int rows, int cols) {
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.cols = cols;
    }

    static TestData read(String shared, double scale) throws IOException {
        Path p = SharedFiles.resolve(shared);
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = shared.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            int cols = header.split(",").length - 1;
            List<double[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty()) continue;
                String[] f = line.split(",");
                double[] row = new double[cols];
                for (int j = 0; j < cols; j++) row[j] = Double.parseDouble(f[j]) / scale;
                xs.add(row);
                ys.add(Integer.parseInt(f[cols]));
            }
            double[] x = new double[xs.size() * cols];
            int[] y = new int[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                System.arraycopy(xs.get(i), 0, x, i * cols, cols);
                y[i] = ys.get(i);
            }
            return new TestData(x, y, xs.size(), cols);
        }
    }

    Examples all() {
        return Examples.ofLabels(x, rows, cols, y);
    }

    /** A seeded random permutation of the row indices. */
    int[] permutation(long seed) {
        int[] p = new int[rows];
        for (int i = 0; i < rows; i++) p[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Standardises columns in place with the mean and standard deviation of the given rows (constant columns: centred only). */
    void standardize(int[] fitRows) {
        for (int j = 0; j < cols; j++) {
            double mean = 0, sq = 0;
            for (int i : fitRows) mean += x[i * cols + j];
            mean /= fitRows.length;
            for (int i : fitRows) sq += (x[i * cols + j] - mean) * (x[i * cols + j] - mean);
            double sd = Math.sqrt(sq / fitRows.length);
            for (int i = 0; i < rows; i++) x[i * cols + j] = sd > 0 ? (x[i * cols + j] - mean) / sd : x[i * cols + j] - mean;
        }
    }

    static int[] slice(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
