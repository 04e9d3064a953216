package org.sigmoid4j.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.data.CsvReader;
import org.sigmoid4j.data.DataException;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.diagnostics.Json;

/**
 * MNIST-10k as the experiments use it: {@code mnist-10k.csv.gz} (header {@code px0..px783,label},
 * pixels 0..255, read with {@link CsvReader}) scaled to [0, 1] by /255, split by the canonical {@code mnist-10k.split.json}
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
     * @throws IllegalArgumentException for malformed content ({@link DataException} for the CSV)
     * @throws IOException              when a file cannot be read
     */
    public static Mnist load(Path csvGz, Path splitJson) throws IOException {
        if (!Files.isRegularFile(csvGz)) throw new IOException(csvGz + ": no such file");
        if (!Files.isRegularFile(splitJson)) throw new IOException(splitJson + ": no such file (the split file mnist-10k.split.json)");
        Table t = CsvReader.read(csvGz, CsvReader.Columns.allExcept("label"), CsvReader.Options.defaults());
        if (t.cols() != PIXELS || !t.numericNames().getFirst().equals("px0") || !t.numericNames().getLast().equals("px783")) {
            throw new DataException(csvGz + ": expected the columns px0..px783 and label, found " + t.cols() + " numeric columns");
        }
        int rows = t.rows();
        double[] x = t.data();
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (!(v >= 0 && v <= 255)) {
                throw new DataException(csvGz + ": line " + t.line(i / PIXELS) + ", column " + t.numericNames().get(i % PIXELS) + ": " + v
                        + " is not a pixel value in 0..255");
            }
            x[i] = v / 255.0;
        }
        String[] labels = t.textColumn("label");
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            String l = labels[r].strip();
            if (l.length() != 1 || l.charAt(0) < '0' || l.charAt(0) > '9') {
                throw new DataException(csvGz + ": line " + t.line(r) + ", column label: '" + labels[r] + "' is not a digit 0..9");
            }
            y[r] = l.charAt(0) - '0';
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
