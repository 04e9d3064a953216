package org.sigmoid4j.model.io;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.sigmoid4j.data.FeatureSchema;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.data.Standardizer;
import org.sigmoid4j.model.Classifier;
import org.sigmoid4j.model.ModelState;

/**
 * The model file ({@code .s4j}): versioned, self-describing, reproducible, never Java
 * serialisation.
 *
 * <pre>
 * offset  size  content
 * 0       8     signature 89 'S' '4' 'J' 0D 0A 1A 0A  (PNG-style: catches text-mode damage)
 * 8       4     format version, little-endian int (this writer: {@value #FORMAT_VERSION})
 * 12      4     manifest length m in bytes, little-endian int
 * 16      m     manifest: UTF-8 JSON (kind, schema, labels, threshold, preprocessing, model
 *               config, provenance, evaluation, history, and the list of arrays with lengths)
 * 16+m    8·Σn  the arrays, in manifest order, as little-endian IEEE-754 doubles
 * end-4   4     CRC-32C of every byte before it, little-endian
 * </pre>
 *
 * Same inputs, same bytes: maps are written in insertion order (unordered maps sorted by key),
 * doubles in shortest round-trip form, and no wall-clock time unless {@link Provenance#createdAt()}
 * is set. Files are written to a temporary file in the target directory and then atomically
 * renamed, so a crash never leaves a half-written model. Readers keep every old format version:
 * {@link #read} dispatches on the version, and the tests load frozen files of each version.
 */
public final class ModelFile {

    public static final int FORMAT_VERSION = 1;
    static final byte[] SIGNATURE = {(byte) 0x89, 'S', '4', 'J', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int HEADER = 16;
    /** Manifests larger than this are treated as corruption (a real one is a few kB). */
    private static final int MAX_MANIFEST = 64 << 20;

    private ModelFile() {}

    // ------------------------------------------------------------------ writing

    /** Writes atomically (temporary file in the same directory, then rename). */
    public static void write(TrainedModel model, Path file) throws IOException {
        byte[] bytes = toBytes(model);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /** The file's bytes. */
    public static byte[] toBytes(TrainedModel m) {
        ModelState state = m.classifier().state();
        if (!state.kind().equals(m.kind())) {
            throw new IllegalStateException("state kind " + state.kind() + " differs from classifier kind " + m.kind());
        }
        Map<String, double[]> arrays = new LinkedHashMap<>();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "sigmoid4j-model");
        manifest.put("kind", m.kind());
        manifest.put("schema", ordered("features", m.schema().features(), "target", m.schema().target()));
        manifest.put("labels", ordered("classes", m.labels().classes(), "numeric", m.labels().numeric()));
        manifest.put("threshold", m.threshold());
        Map<String, Object> pre = new LinkedHashMap<>();
        pre.put("standardize", m.standardizer() != null);
        if (m.standardizer() != null) {
            pre.put("mean", "array:preprocessing.mean");
            pre.put("scale", "array:preprocessing.scale");
            arrays.put("preprocessing.mean", m.standardizer().mean());
            arrays.put("preprocessing.scale", m.standardizer().scale());
        }
        manifest.put("preprocessing", pre);
        List<String> modelArrays = new ArrayList<>();
        for (var e : state.arrays().entrySet()) {
            arrays.put("model." + e.getKey(), e.getValue());
            modelArrays.add(e.getKey());
        }
        manifest.put("model", ordered("config", state.config(), "arrays", modelArrays));
        Provenance p = m.provenance();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("library", p.library());
        prov.put("jdk", p.jdk());
        prov.put("kernels", p.kernels());
        prov.put("training", p.training());
        prov.put("seed", p.seed());
        prov.put("data_source", p.dataSource());
        prov.put("data_sha256", p.dataSha256());
        prov.put("data_rows", p.dataRows());
        prov.put("train_rows", p.trainRows());
        prov.put("final_loss", p.finalLoss());
        if (p.createdAt() != null) {
            prov.put("created_at", p.createdAt());
        }
        manifest.put("provenance", prov);
        manifest.put("evaluation", m.evaluation());
        manifest.put("history", m.history());
        List<Object> index = new ArrayList<>();
        long doubles = 0;
        for (var e : arrays.entrySet()) {
            index.add(ordered("name", e.getKey(), "length", e.getValue().length));
            doubles += e.getValue().length;
        }
        manifest.put("arrays", index);
        byte[] json;
        try {
            json = JSON.std.asBytes(jsonable(manifest, "manifest"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the manifest as JSON", e);
        }
        long total = HEADER + (long) json.length + 8 * doubles + 4;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("model too large for one file: " + total + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SIGNATURE).putInt(FORMAT_VERSION).putInt(json.length).put(json);
        for (double[] a : arrays.values()) {
            for (double v : a) {
                b.putDouble(v);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * A JSON-able deep copy: ordered maps keep their order, other maps are sorted by key; non-finite
     * doubles become the strings "NaN", "Infinity", "-Infinity"; nulls are dropped from maps.
     */
    static Object jsonable(Object v, String path) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? (Object) d : Double.toString(d);
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean keepOrder = m instanceof LinkedHashMap || m instanceof SortedMap || m.size() <= 1
                    || m.getClass().getName().startsWith("java.util.Collections$Unmodifiable");
            Map<?, ?> src = keepOrder ? m : new TreeMap<>(m);
            for (var e : src.entrySet()) {
                if (e.getValue() != null) {
                    out.put(String.valueOf(e.getKey()), jsonable(e.getValue(), path + "." + e.getKey()));
                }
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(jsonable(o, path + "[]"));
            }
            return out;
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(jsonable(d, path));
            }
            return out;
        }
        if (v instanceof int[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof long[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var comp : r.getClass().getRecordComponents()) {
                try {
                    out.put(comp.getName(), comp.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException(path + ": cannot read record component " + comp.getName(), e);
                }
            }
            return jsonable(out, path);
        }
        throw new IllegalArgumentException(path + ": " + v.getClass().getName()
                + " is not JSON-able (use strings, numbers, booleans, lists, maps or records)");
    }

    // ------------------------------------------------------------------ reading

    /** Reads a model file; every problem is a {@link ModelFileException} naming the file. */
    public static TrainedModel read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ModelFileException(name + ": is a directory, not a model file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(name + ": no such model file");
        } catch (AccessDeniedException e) {
            throw new ModelFileException(name + ": permission denied");
        } catch (IOException e) {
            throw new ModelFileException(name + ": cannot be read (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            throw new ModelFileException(name + ": too large to be a model file");
        }
        return fromBytes(bytes, name);
    }

    /** Parses a model file's bytes; {@code name} is used in messages. */
    public static TrainedModel fromBytes(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new ModelFileException(name + ": the file is empty; it is not a sigmoid4j model file");
        }
        if (bytes.length < SIGNATURE.length || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            boolean prefix = bytes.length < SIGNATURE.length
                    && Arrays.equals(bytes, 0, bytes.length, SIGNATURE, 0, bytes.length);
            throw new ModelFileException(name + (prefix ? ": truncated (" + bytes.length + " bytes)"
                    : ": not a sigmoid4j model file (it does not start with the model-file signature)"));
        }
        if (bytes.length < HEADER + 4) {
            throw new ModelFileException(name + ": truncated (" + bytes.length + " bytes; even an empty model has "
                    + (HEADER + 4) + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.getInt(8);
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(name + ": model format version " + version + " is newer than this sigmoid4j ("
                    + org.sigmoid4j.Sigmoid4j.version() + ") can read (versions 1 to " + FORMAT_VERSION
                    + "); upgrade sigmoid4j");
        }
        if (version < 1) {
            throw new ModelFileException(name + ": corrupt (format version " + version + ")");
        }
        return switch (version) {
            case 1 -> readV1(b, bytes, name);
            default -> throw new ModelFileException(name + ": corrupt (format version " + version + ")");
        };
    }

    private static TrainedModel readV1(ByteBuffer b, byte[] bytes, String name) {
        int m = b.getInt(12);
        if (m < 2 || m > MAX_MANIFEST) {
            throw new ModelFileException(name + ": corrupt (manifest length " + m + ")");
        }
        if (HEADER + (long) m + 4 > bytes.length) {
            throw new ModelFileException(name + ": truncated (" + bytes.length + " bytes, but the manifest alone needs "
                    + (HEADER + (long) m + 4) + ")");
        }
        Map<String, Object> manifest;
        try {
            Object o = JSON.std.anyFrom(new String(bytes, HEADER, m, StandardCharsets.UTF_8));
            if (!(o instanceof Map<?, ?>)) {
                throw new ModelFileException(name + ": corrupt (the manifest is not a JSON object)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> mm = (Map<String, Object>) o;
            manifest = mm;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFileException me) {
                throw me;
            }
            throw new ModelFileException(name + ": corrupt (the manifest is not valid JSON"
                    + (bytes.length < HEADER + m + 4 ? "; the file is truncated" : "") + ")");
        }
        Manifest mf = new Manifest(manifest, name);
        // arrays
        List<Object> index = mf.list(manifest, "arrays");
        long doubles = 0;
        for (Object o : index) {
            long len = mf.number(mf.map(o, "arrays[]"), "length").longValue();
            if (len < 0 || len > Integer.MAX_VALUE) {
                throw mf.corrupt("array length " + len);
            }
            doubles += len;
        }
        long expected = HEADER + (long) m + 8 * doubles + 4;
        if (bytes.length < expected) {
            throw new ModelFileException(name + ": truncated (" + bytes.length + " bytes, the manifest promises " + expected + ")");
        }
        if (bytes.length > expected) {
            throw new ModelFileException(name + ": corrupt (" + (bytes.length - expected) + " unexpected bytes after the end)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != b.getInt(bytes.length - 4)) {
            throw new ModelFileException(name + ": corrupt (checksum mismatch: the file was changed or damaged after it was written)");
        }
        Map<String, double[]> arrays = new LinkedHashMap<>();
        b.position(HEADER + m);
        for (Object o : index) {
            Map<String, Object> entry = mf.map(o, "arrays[]");
            double[] a = new double[mf.number(entry, "length").intValue()];
            for (int i = 0; i < a.length; i++) {
                a[i] = b.getDouble();
            }
            arrays.put(mf.string(entry, "name"), a);
        }
        try {
            return build(mf, manifest, arrays);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw mf.corrupt(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static TrainedModel build(Manifest mf, Map<String, Object> manifest, Map<String, double[]> arrays) {
        if (!"sigmoid4j-model".equals(manifest.get("format"))) {
            throw mf.corrupt("the manifest's format is " + manifest.get("format"));
        }
        String kind = mf.string(manifest, "kind");
        Function<ModelState, Classifier> fromState = ModelKinds.lookup(kind);
        if (fromState == null) {
            throw new ModelFileException(mf.name + ": model kind '" + kind + "' is not known to this sigmoid4j ("
                    + org.sigmoid4j.Sigmoid4j.version() + "; known kinds: "
                    + String.join(", ", ModelKinds.known().stream().sorted().toList()) + ")");
        }
        Map<String, Object> schema = mf.map(manifest.get("schema"), "schema");
        FeatureSchema fs = new FeatureSchema((List<String>) (List<?>) mf.list(schema, "features"), mf.string(schema, "target"));
        Map<String, Object> labels = mf.map(manifest.get("labels"), "labels");
        LabelMapping lm = new LabelMapping((List<String>) (List<?>) mf.list(labels, "classes"),
                Boolean.TRUE.equals(labels.get("numeric")));
        double threshold = mf.number(manifest, "threshold").doubleValue();
        Map<String, Object> pre = mf.map(manifest.get("preprocessing"), "preprocessing");
        Standardizer st = null;
        if (Boolean.TRUE.equals(pre.get("standardize"))) {
            st = new Standardizer(mf.array(arrays, "preprocessing.mean"), mf.array(arrays, "preprocessing.scale"));
        }
        Map<String, Object> model = mf.map(manifest.get("model"), "model");
        Map<String, double[]> stateArrays = new LinkedHashMap<>();
        for (Object a : mf.list(model, "arrays")) {
            stateArrays.put((String) a, mf.array(arrays, "model." + a));
        }
        ModelState state = new ModelState(kind, mf.map(model.get("config"), "model.config"), stateArrays);
        Classifier c;
        try {
            c = fromState.apply(state);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException
                | IndexOutOfBoundsException e) {
            throw mf.corrupt("the " + kind + " parameters are inconsistent: " + e.getMessage());
        }
        Map<String, Object> p = mf.map(manifest.get("provenance"), "provenance");
        Object loss = p.get("final_loss");
        Provenance prov = new Provenance(
                mf.string(p, "library"), mf.string(p, "jdk"), mf.string(p, "kernels"),
                mf.map(p.get("training"), "provenance.training"),
                mf.number(p, "seed").longValue(),
                mf.string(p, "data_source"), (String) p.get("data_sha256"),
                mf.number(p, "data_rows").longValue(), mf.number(p, "train_rows").longValue(),
                loss instanceof Number n ? n.doubleValue() : Double.NaN,
                (String) p.get("created_at"));
        List<Map<String, Object>> history = new ArrayList<>();
        for (Object h : mf.list(manifest, "history")) {
            history.add(mf.map(h, "history[]"));
        }
        Map<String, Object> evaluation = manifest.get("evaluation") == null ? Map.of()
                : mf.map(manifest.get("evaluation"), "evaluation");
        return new TrainedModel(fs, lm, st, threshold, c, prov, history, evaluation);
    }

    /** Typed access to the manifest with "corrupt" errors naming the file and the field. */
    private record Manifest(Map<String, Object> root, String name) {
        ModelFileException corrupt(String what) {
            return new ModelFileException(name + ": corrupt model file (" + what + ")");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object o, String field) {
            if (o instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw corrupt("'" + field + "' is missing or not an object");
        }

        @SuppressWarnings("unchecked")
        List<Object> list(Map<String, Object> m, String field) {
            if (m.get(field) instanceof List<?> l) {
                return (List<Object>) l;
            }
            throw corrupt("'" + field + "' is missing or not a list");
        }

        String string(Map<String, Object> m, String field) {
            if (m.get(field) instanceof String s) {
                return s;
            }
            throw corrupt("'" + field + "' is missing or not a string");
        }

        Number number(Map<String, Object> m, String field) {
            if (m.get(field) instanceof Number n) {
                return n;
            }
            throw corrupt("'" + field + "' is missing or not a number");
        }

        double[] array(Map<String, double[]> arrays, String n) {
            double[] a = arrays.get(n);
            if (a == null) {
                throw corrupt("array '" + n + "' is missing");
            }
            return a;
        }
    }
}
