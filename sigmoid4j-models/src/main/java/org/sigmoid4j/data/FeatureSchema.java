package org.sigmoid4j.data;

import java.util.HashSet;
import java.util.List;

/**
 * The features a model was trained on, by name and in the model's order, and the target's name.
 * At prediction time columns are matched by name ({@link CsvReader.Columns#of}), never by
 * position, so a file may order its columns differently or carry extra ones.
 */
public record FeatureSchema(List<String> features, String target) {
    public FeatureSchema {
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one feature");
        }
        if (new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("duplicate feature names: " + features);
        }
    }

    public int size() {
        return features.size();
    }

    /** The columns to read for prediction (target optional) or evaluation (target required). */
    public CsvReader.Columns columns(boolean targetRequired) {
        return CsvReader.Columns.of(features, target, targetRequired);
    }
}
