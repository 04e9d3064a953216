package org.sigmoid4j.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.diagnostics.Verdict;

/**
 * The outcome of one experiment command, exactly what {@code --json} prints and what
 * {@code sigmoid4j report EXPERIMENT-JSON} reads back (schema in the README).
 *
 * @param experiment {@code "nielsen"} or {@code "activations"}
 * @param config     the settings used (epochs, rows, seeds, learning rates, data file...)
 * @param verdict    the experiment's overall conclusion in plain words
 * @param tables     the printed tables (title, column names, rows of strings)
 * @param runs       one record per trained network
 */
public record ExperimentResult(String experiment, Map<String, Object> config, Verdict verdict, List<Table> tables, List<Run> runs) {

    public static final int SCHEMA = 1;

    public ExperimentResult {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        tables = List.copyOf(tables);
        runs = List.copyOf(runs);
    }

    /** A printed table. */
    public record Table(String title, List<String> columns, List<List<String>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        /** Fixed-width text, for the terminal. */
        public String toText() {
            int[] w = new int[columns.size()];
            for (int i = 0; i < w.length; i++) w[i] = columns.get(i).length();
            for (List<String> r : rows) for (int i = 0; i < w.length && i < r.size(); i++) w[i] = Math.max(w[i], r.get(i).length());
            StringBuilder b = new StringBuilder(title).append('\n');
            line(b, columns, w);
            for (List<String> r : rows) line(b, r, w);
            return b.toString();
        }

        private static void line(StringBuilder b, List<String> cells, int[] w) {
            for (int i = 0; i < w.length; i++) {
                String c = i < cells.size() ? cells.get(i) : "";
                b.append(i == 0 ? "" : "  ");
                boolean left = i == 0;
                String pad = " ".repeat(w[i] - c.length());
                b.append(left ? c + pad : pad + c);
            }
            b.append('\n');
        }
    }

    /**
     * One trained network.
     *
     * @param name      display name, unique within the experiment
     * @param group     runs compared in one chart share a group (a network shape, an optimiser)
     * @param variant   the activation variant ({@code "sigmoid"}, {@code "sigmoid+bn"}...)
     * @param optimizer {@code "gd"}, {@code "sgd"}, {@code "adam"}
     * @param seed      the seed of initialisation and shuffling
     * @param layers    layer widths, input first
     * @param seconds   wall-clock training time
     * @param verdict   the {@link Verdict} of this run's history
     * @param history   per-epoch statistics (epoch 0 = initialisation)
     */
    public record Run(String name, String group, String variant, String optimizer, long seed, int[] layers, double seconds,
            Verdict verdict, List<EpochStats> history) {
        public Run {
            layers = layers.clone();
            history = List.copyOf(history);
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        m.put("schema", SCHEMA);
        m.put("config", config);
        m.put("verdict", verdictJson(verdict));
        List<Object> ts = new ArrayList<>();
        for (Table t : tables) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("title", t.title());
            tm.put("columns", t.columns());
            tm.put("rows", t.rows());
            ts.add(tm);
        }
        m.put("tables", ts);
        List<Object> rs = new ArrayList<>();
        for (Run r : runs) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("name", r.name());
            rm.put("group", r.group());
            rm.put("variant", r.variant());
            rm.put("optimizer", r.optimizer());
            rm.put("seed", r.seed());
            rm.put("layers", r.layers());
            rm.put("seconds", Json.finite(r.seconds()));
            rm.put("verdict", verdictJson(r.verdict()));
            rm.put("history", EpochStats.toJson(r.history()));
            rs.add(rm);
        }
        m.put("runs", rs);
        return m;
    }

    static Map<String, Object> verdictJson(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", v.severity().name());
        m.put("headline", v.headline());
        m.put("findings", v.findings());
        return m;
    }

    @SuppressWarnings("unchecked")
    static Verdict verdictFrom(Object o) {
        if (!(o instanceof Map<?, ?> m)) return new Verdict(Verdict.Severity.WARNING, "No verdict recorded.", List.of());
        Verdict.Severity s;
        try {
            s = Verdict.Severity.valueOf(String.valueOf(m.get("severity")));
        } catch (IllegalArgumentException e) {
            s = Verdict.Severity.WARNING;
        }
        List<String> f = new ArrayList<>();
        if (m.get("findings") instanceof List<?> l) for (Object x : l) f.add(String.valueOf(x));
        return new Verdict(s, String.valueOf(m.get("headline")), f);
    }

    /** Reads what {@link #toJson()} wrote; a clear {@link IllegalArgumentException} if it is not an experiment file. */
    @SuppressWarnings("unchecked")
    public static ExperimentResult fromJson(Object parsed) {
        if (!(parsed instanceof Map<?, ?> top) || !(top.get("experiment") instanceof String name) || !(top.get("runs") instanceof List<?> runs)) {
            throw new IllegalArgumentException("not a sigmoid4j experiment file (expected an object with \"experiment\" and \"runs\")");
        }
        Object schema = top.get("schema");
        if (schema instanceof Number n && n.intValue() > SCHEMA) {
            throw new IllegalArgumentException("experiment file schema " + n.intValue() + " is newer than this version reads (" + SCHEMA + ")");
        }
        Map<String, Object> config = top.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        List<Table> tables = new ArrayList<>();
        if (top.get("tables") instanceof List<?> tl) {
            for (Object o : tl) {
                Map<String, Object> t = (Map<String, Object>) o;
                List<List<String>> rows = new ArrayList<>();
                for (Object r : (List<?>) t.get("rows")) rows.add(((List<?>) r).stream().map(String::valueOf).toList());
                tables.add(new Table(String.valueOf(t.get("title")), ((List<?>) t.get("columns")).stream().map(String::valueOf).toList(), rows));
            }
        }
        List<Run> rs = new ArrayList<>();
        for (Object o : runs) {
            Map<String, Object> r = (Map<String, Object>) o;
            int[] layers = r.get("layers") instanceof List<?> l ? l.stream().mapToInt(x -> ((Number) x).intValue()).toArray() : new int[0];
            rs.add(new Run(String.valueOf(r.get("name")), String.valueOf(r.get("group")), String.valueOf(r.get("variant")),
                    String.valueOf(r.get("optimizer")), r.get("seed") instanceof Number n ? n.longValue() : 0, layers,
                    r.get("seconds") instanceof Number n ? n.doubleValue() : Double.NaN, verdictFrom(r.get("verdict")),
                    EpochStats.listFromJson(r.getOrDefault("history", List.of()))));
        }
        return new ExperimentResult(name, config, verdictFrom(top.get("verdict")), tables, rs);
    }
}
