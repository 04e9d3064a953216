package org.sigmoid4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The correctly rounded reference vectors in {@code shared/reference/numerics}: CSV with header
 * {@code x,expected} and hex-float values (see that folder's README).
 *
 * @param name   file stem, e.g. {@code sigmoid}
 * @param x      inputs
 * @param expected correctly rounded results
 */
public record ReferenceVectors(String name, double[] x, double[] expected) {

    /** Loads {@code <stem>.f64.csv} or, with {@code f32}, {@code <stem>.f32.csv}. */
    public static ReferenceVectors load(String stem, boolean f32) {
        Path p = SharedFiles.resolve("reference/numerics/" + stem + (f32 ? ".f32.csv" : ".f64.csv"));
        try {
            List<String> lines = Files.readAllLines(p);
            if (!lines.get(0).equals("x,expected")) {
                throw new IllegalStateException(p + ": unexpected header " + lines.get(0));
            }
            int n = lines.size() - 1;
            double[] x = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                String line = lines.get(i + 1);
                int comma = line.indexOf(',');
                x[i] = Double.parseDouble(line.substring(0, comma));
                e[i] = Double.parseDouble(line.substring(comma + 1));
            }
            return new ReferenceVectors(stem + (f32 ? ".f32" : ".f64"), x, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public int size() {
        return x.length;
    }
}
