package org.sigmoid4j.model.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.sigmoid4j.model.Classifier;
import org.sigmoid4j.model.ModelState;

/**
 * The registry from a model kind (the {@code "kind"} written in model files) to the function that
 * rebuilds the classifier from its {@link ModelState}. A new model kind adds one line to
 * {@link #KINDS}.
 *
 * <p>Note for {@code fromState} implementations: after a round trip through the JSON manifest,
 * config numbers come back as {@code Integer}, {@code Long} or {@code Double} (whichever JSON
 * gives), lists as {@code List} and maps as {@code Map}; read them through {@code Number}. Arrays
 * come back bit for bit. Throw {@link IllegalArgumentException} on inconsistent state; the reader
 * turns it into a "corrupt model file" message.
 */
public final class ModelKinds {

    private static final Map<String, Function<ModelState, Classifier>> KINDS = new LinkedHashMap<>();

    static {
        // one line per model kind:
        KINDS.put("logistic", org.sigmoid4j.lr.LogisticRegressionModel::fromState);
        KINDS.put("mlp", org.sigmoid4j.nn.MlpClassifier::fromState);
    }

    private ModelKinds() {}

    /** Registers (or replaces) a kind, e.g. from tests or an extension. */
    public static synchronized void register(String kind, Function<ModelState, Classifier> fromState) {
        KINDS.put(kind, fromState);
    }

    public static synchronized Set<String> known() {
        return Set.copyOf(KINDS.keySet());
    }

    /** Rebuilds a classifier, or null if the kind is unknown. */
    static synchronized Function<ModelState, Classifier> lookup(String kind) {
        return KINDS.get(kind);
    }
}
