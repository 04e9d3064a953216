package org.sigmoid4j.model.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.data.DataException;
import org.sigmoid4j.data.FeatureSchema;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.data.Standardizer;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.model.Classifier;

/**
 * Everything a model file holds, and all that prediction needs: the feature schema (matched by
 * name), the label mapping, the preprocessing (an optional {@link Standardizer}), the decision
 * threshold of a binary model, the {@link Classifier} itself, its {@link Provenance}, the training
 * history (JSON-able records: per-epoch losses, diagnostics...) and the held-out evaluation made
 * at training time (may be empty).
 */
public record TrainedModel(
        FeatureSchema schema,
        LabelMapping labels,
        Standardizer standardizer,
        double threshold,
        Classifier classifier,
        Provenance provenance,
        List<Map<String, Object>> history,
        Map<String, Object> evaluation) {

    public TrainedModel {
        if (classifier.numFeatures() != schema.size()) {
            throw new IllegalArgumentException("the classifier has " + classifier.numFeatures()
                    + " features, the schema " + schema.size());
        }
        if (classifier.numClasses() != labels.numClasses()) {
            throw new IllegalArgumentException("the classifier has " + classifier.numClasses()
                    + " classes, the label mapping " + labels.numClasses());
        }
        if (standardizer != null && standardizer.size() != schema.size()) {
            throw new IllegalArgumentException("the standardizer has " + standardizer.size() + " columns, the schema " + schema.size());
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        history = Collections.unmodifiableList(new ArrayList<>(history));
        evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
    }

    public String kind() {
        return classifier.kind();
    }

    /**
     * Class probabilities ({@code rows × numClasses}, row-major) for a table whose numeric columns
     * are this model's features (read with {@code schema().columns(...)}). The table is not changed.
     */
    public double[] predictProba(Table t) {
        if (!t.numericNames().equals(schema.features())) {
            throw new DataException(t.source() + ": the columns do not match the model's features (read the file with the model's schema)");
        }
        double[] x = standardizer == null ? t.data() : Arrays.copyOf(t.data(), t.data().length);
        if (standardizer != null) {
            standardizer.applyInPlace(x, t.rows());
        }
        return predictProba(x, t.rows());
    }

    /** Class probabilities for already standardised rows (as the classifier sees them). */
    public double[] predictProba(double[] preprocessed, int n) {
        double[] p = new double[n * classifier.numClasses()];
        classifier.predictProba(preprocessed, n, p);
        return p;
    }

    /** Predicted class indices: binary by {@code p1 > threshold}, multinomial by the largest probability. */
    public int[] classify(double[] proba, int n) {
        int k = classifier.numClasses();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (k == 2) {
                out[i] = proba[2 * i + 1] > threshold ? 1 : 0;
            } else {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (proba[i * k + c] > proba[i * k + best]) {
                        best = c;
                    }
                }
                out[i] = best;
            }
        }
        return out;
    }
}
