package org.sigmoid4j.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the target column's text maps to class indices 0..K-1, stored in the model file.
 *
 * <ul>
 *   <li>Binary, numeric 0/1 (the default): {@code classes = ["0", "1"]}; cells equal to 0 or 1 as
 *       numbers ({@code 1}, {@code 1.0}) are accepted.
 *   <li>Binary with {@code --positive VALUE}: any two distinct values; the positive one is class 1.
 *   <li>Multinomial: three or more values, sorted numerically when all are numbers, else as text.
 * </ul>
 *
 * Class 1 is the positive class of a binary model. {@code numeric} says that labels are compared
 * as numbers ({@code "1"} equals {@code "1.0"}), else as exact text.
 */
public record LabelMapping(List<String> classes, boolean numeric) {

    /** Above this many distinct values the target is treated as a mistake (a continuous column). */
    public static final int MAX_CLASSES = 1000;

    public LabelMapping {
        classes = List.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a label mapping needs at least two classes");
        }
    }

    public int numClasses() {
        return classes.size();
    }

    public boolean binary() {
        return classes.size() == 2;
    }

    /** The positive class of a binary mapping. */
    public String positive() {
        return classes.get(1);
    }

    /**
     * Decides the mapping from the training target.
     *
     * @param positive the {@code --positive} value, or null
     * @param maxClasses 2 for a binary-only model kind, else the largest number of classes allowed
     */
    public static LabelMapping infer(Table t, String target, String positive, int maxClasses) {
        String[] y = t.textColumn(target);
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < y.length; i++) {
            String v = y[i].strip();
            if (v.isEmpty()) {
                throw new DataException(t.source() + ", line " + t.line(i) + ", column '" + target
                        + "': missing value (empty cell) in the target");
            }
            distinct.add(v);
            if (distinct.size() > MAX_CLASSES) {
                throw new DataException(t.source() + ": the target '" + target + "' has more than " + MAX_CLASSES
                        + " distinct values; it looks continuous, not a class label");
            }
        }
        boolean allNumeric = distinct.stream().allMatch(s -> Double.isFinite(CsvReader.parseNumber(s)));
        // numeric labels: merge spellings of the same number ("1" and "1.0")
        List<String> values = new ArrayList<>();
        if (allNumeric) {
            List<Double> seen = new ArrayList<>();
            for (String s : distinct) {
                double v = CsvReader.parseNumber(s);
                if (!seen.contains(v)) {
                    seen.add(v);
                    values.add(s);
                }
            }
            values.sort(Comparator.comparingDouble(CsvReader::parseNumber));
        } else {
            values.addAll(distinct);
            values.sort(Comparator.naturalOrder());
        }
        String what = t.source() + ": the target '" + target + "'";
        if (values.size() == 1) {
            throw new DataException(what + " has only one class (" + values.get(0) + ") in " + y.length
                    + " rows; a classifier needs at least two");
        }
        if (positive != null) {
            String p = positive.strip();
            int at = indexOf(values, p, allNumeric);
            if (values.size() > 2) {
                throw new DataException(what + " has " + values.size() + " classes (" + list(values)
                        + ") but --positive asks for a binary model; drop --positive to fit a multinomial model");
            }
            if (at < 0) {
                throw new DataException(what + " has the values " + list(values) + "; --positive " + positive
                        + " is not one of them");
            }
            String negative = values.get(1 - at);
            return new LabelMapping(List.of(negative, values.get(at)), allNumeric);
        }
        if (values.size() == 2) {
            if (allNumeric && CsvReader.parseNumber(values.get(0)) == 0 && CsvReader.parseNumber(values.get(1)) == 1) {
                return new LabelMapping(List.of("0", "1"), true);
            }
            throw new DataException(what + " has the two values " + list(values)
                    + "; say which one is the positive class with --positive VALUE");
        }
        if (values.size() > maxClasses) {
            throw new DataException(what + " has " + values.size() + " classes (" + list(values) + ") but the model is binary"
                    + (maxClasses == 2 ? "" : " (at most " + maxClasses + " classes)"));
        }
        return new LabelMapping(values, allNumeric);
    }

    private static String list(List<String> values) {
        return values.size() <= 12 ? String.join(", ", values)
                : String.join(", ", values.subList(0, 10)) + ", ...";
    }

    private static int indexOf(List<String> values, String v, boolean numeric) {
        for (int i = 0; i < values.size(); i++) {
            if (same(values.get(i), v, numeric)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String a, String b, boolean numeric) {
        if (numeric) {
            double x = CsvReader.parseNumber(a);
            double y = CsvReader.parseNumber(b);
            return Double.isFinite(x) && x == y;
        }
        return a.equals(b);
    }

    /** The class index of a label's text, or -1 if this mapping does not know it. */
    public int indexOf(String label) {
        return indexOf(classes, label.strip(), numeric);
    }

    /**
     * Maps the target column to class indices; a value the model does not know is an error naming
     * the file, the line and the value.
     */
    public int[] encode(Table t, String target) {
        String[] y = t.textColumn(target);
        int[] out = new int[y.length];
        // fast path: cache the last text seen
        String lastText = null;
        int last = -1;
        for (int i = 0; i < y.length; i++) {
            String s = y[i];
            int c = Objects.equals(s, lastText) ? last : indexOf(s);
            if (c < 0) {
                throw new DataException(t.source() + ", line " + t.line(i) + ", column '" + target + "': the label '"
                        + s + "' is not one of the model's classes (" + list(classes) + ")"
                        + (binary() ? "; the model is binary" : ""));
            }
            out[i] = c;
            lastText = s;
            last = c;
        }
        return out;
    }
}
