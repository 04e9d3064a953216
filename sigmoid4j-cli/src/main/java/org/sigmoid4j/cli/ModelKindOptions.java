package org.sigmoid4j.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.model.Classifier;
import picocli.CommandLine.Option;

/**
 * The options and the training entry point of one model kind, as {@code train} sees it. See the
 * comment at the top of {@link TrainCommand} for how a kind plugs in.
 */
interface ModelKindOptions {

    /** The {@code --model} value and the model file's kind, e.g. {@code "logistic"}. */
    String kind();

    /** 2 for binary-only kinds; more if the kind fits multinomial targets. */
    int maxClasses();

    /** Checks the option values; throws {@link UsageException} naming the option. */
    void validate();

    /** The training configuration, for provenance (ordered, JSON-able). */
    Map<String, Object> config();

    /** Fits on already preprocessed rows. {@code msg} is for progress and warnings. */
    Fit fit(TrainingSet data, Messages msg);

    /**
     * Whether the kind standardises inside its own model (then {@code train} passes raw features
     * and {@link TrainingSet#standardize()} asks the kind to do it); else {@code train} applies a
     * {@link org.sigmoid4j.data.Standardizer} stored beside the classifier in the model file.
     */
    default boolean standardizesItself() {
        return false;
    }

    /**
     * Rows to fit: row-major {@code x} ({@code n × d}; already standardised unless
     * {@link #standardizesItself()}), classes {@code y}, the seed, the standardisation wish and the
     * decision threshold of a binary model.
     */
    record TrainingSet(double[] x, int n, int d, int[] y, int numClasses, List<String> classes, List<String> features,
                       long seed, boolean standardize, double threshold) {}

    /**
     * The result of a fit: the classifier, the final training loss (NaN if none), the history
     * records for the model file (JSON-able maps) and warnings for the user (e.g. separation).
     */
    record Fit(Classifier classifier, double finalLoss, List<Map<String, Object>> history, List<String> warnings) {}

    /** The long names of the {@code @Option} fields declared by this class (for "applies only to" errors). */
    default List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (Field f : getClass().getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }
}
