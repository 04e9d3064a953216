package org.sigmoid4j.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.sigmoid4j.diagnostics.Json;

/**
 * MNIST-10k as the experiments use it: {@code mnist-10k.csv.gz} (header {@code px0..px783,label},
 * pixels 0..255) scaled to [0, 1] by /255, split by the canonical {@code mnist-10k.split.json}
 * ({@code train}/{@code test} row-index lists, in the order of the reference runs).
 *
 * @param trainX row-major, {@code trainY.length × 784}
 * @param testX  row-major, {@code testY.length × 784}
 */
public record Mnist(double[] trainX, int[] trainY, double[] testX, int[] testY) {

    public static final int PIXELS = 784;
    public static final int CLASSES = 10;

    public int trainRows() {
        return trainY.length;
    }

    public int testRows() {
        return testY.length;
    }

    /** The first {@code n} training rows (in split-file order), test unchanged. */
    public Mnist firstTrain(int n) {
        int k = Math.min(n, trainY.length);
        return new Mnist(java.util.Arrays.copyOf(trainX, k * PIXELS), java.util.Arrays.copyOf(trainY, k), testX, testY);
    }

    /** The first {@code n} test rows. */
    public Mnist firstTest(int n) {
        int k = Math.min(n, testY.length);
        return new Mnist(trainX, trainY, java.util.Arrays.copyOf(testX, k * PIXELS), java.util.Arrays.copyOf(testY, k));
    }

    /**
     * Loads the data and the split. Errors name the file and, for bad rows, the line.
     *
     * @throws IllegalArgumentException for malformed content
     * @throws IOException              when a file cannot be read
     */
    public static Mnist load(Path csvGz, Path splitJson) throws IOException {
        if (!Files.isRegularFile(csvGz)) throw new IOException(csvGz + ": no such file");
        if (!Files.isRegularFile(splitJson)) throw new IOException(splitJson + ": no such file (the split file mnist-10k.split.json)");
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(csvGz), 1 << 16)) {
            bytes = in.readAllBytes();
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(csvGz + ": not a gzip file (" + e.getMessage() + ")");
        }
        int pos = 0;
        while (pos < bytes.length && bytes[pos] != '\n') pos++;
        String header = new String(bytes, 0, pos, StandardCharsets.UTF_8).strip();
        String[] cols = header.split(",");
        if (cols.length != PIXELS + 1 || !cols[0].equals("px0") || !cols[PIXELS].equals("label")) {
            throw new IllegalArgumentException(csvGz + ": line 1: expected the header px0,...,px783,label");
        }
        pos++;
        double[] x = new double[10_000 * PIXELS];
        int[] y = new int[10_000];
        int rows = 0, line = 1;
        while (pos < bytes.length) {
            line++;
            if (bytes[pos] == '\n') {
                pos++;
                continue;
            }
            if (rows == y.length) {
                y = java.util.Arrays.copyOf(y, rows * 2);
                x = java.util.Arrays.copyOf(x, rows * 2 * PIXELS);
            }
            for (int c = 0; c <= PIXELS; c++) {
                int v = 0, digits = 0;
                while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9') {
                    v = v * 10 + (bytes[pos++] - '0');
                    digits++;
                }
                char end = pos < bytes.length ? (char) bytes[pos] : '\n';
                boolean last = c == PIXELS;
                if (digits == 0 || digits > 3 || (last ? end != '\n' && end != '\r' : end != ',')) {
                    throw new IllegalArgumentException(csvGz + ": line " + line + ", column " + (last ? "label" : "px" + c)
                            + ": expected an integer 0..255" + (last ? " ending the row" : " followed by a comma"));
                }
                pos++;
                if (end == '\r' && pos < bytes.length && bytes[pos] == '\n') pos++;
                if (last) {
                    if (v > 9) throw new IllegalArgumentException(csvGz + ": line " + line + ": label " + v + " is not a digit");
                    y[rows] = v;
                } else {
                    if (v > 255) throw new IllegalArgumentException(csvGz + ": line " + line + ", column px" + c + ": " + v + " > 255");
                    x[rows * PIXELS + c] = v / 255.0;
                }
            }
            rows++;
        }
        int[] train = indices(splitJson, "train", rows), test = indices(splitJson, "test", rows);
        return new Mnist(gather(x, train), gather(y, train), gather(x, test), gather(y, test));
    }

    private static int[] indices(Path split, String key, int rows) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(split, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(split + ": " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m) || !(m.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException(split + ": expected an object with a \"" + key + "\" list of row indices");
        }
        int[] idx = new int[l.size()];
        for (int i = 0; i < idx.length; i++) {
            if (!(l.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0 || n.intValue() >= rows) {
                throw new IllegalArgumentException(split + ": \"" + key + "\"[" + i + "] = " + l.get(i) + " is not a row index in 0.." + (rows - 1));
            }
            idx[i] = n.intValue();
        }
        return idx;
    }

    private static double[] gather(double[] x, int[] idx) {
        double[] out = new double[idx.length * PIXELS];
        for (int i = 0; i < idx.length; i++) System.arraycopy(x, idx[i] * PIXELS, out, i * PIXELS, PIXELS);
        return out;
    }

    private static int[] gather(int[] y, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = y[idx[i]];
        return out;
    }

    /**
     * Finds {@code shared/data/mnist-10k.csv.gz} in the current directory or a parent of it (the
     * checkout's neighbour {@code ../shared}), or {@code null}. Callers must report the path they used.
     */
    public static Path locateShared(Path start) {
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("shared").resolve("data").resolve("mnist-10k.csv.gz");
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    /** The split file beside a data file ({@code mnist-10k.split.json}). */
    public static Path splitBeside(Path data) {
        Path dir = data.toAbsolutePath().getParent();
        return dir.resolve("mnist-10k.split.json");
    }
}
