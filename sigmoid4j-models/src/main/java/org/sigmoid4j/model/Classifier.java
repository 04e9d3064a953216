package org.sigmoid4j.model;

/**
 * A trained classifier, as the model file, the CLI and evaluation see it. Inputs are already
 * preprocessed (the model file applies the stored feature selection and standardisation first).
 *
 * <p>Implementations: logistic regression ({@code "logistic"}) and feed-forward networks
 * ({@code "mlp"}). Each kind also provides a static {@code fromState(ModelState)} that the model
 * file reader calls.
 */
public interface Classifier {

    /** Stable identifier written into model files: {@code "logistic"}, {@code "mlp"}. */
    String kind();

    int numFeatures();

    /** 2 for a binary model (class 1 is the positive class), K for multinomial. */
    int numClasses();

    /**
     * Class probabilities for {@code n} rows of {@code x} (row-major, {@code n × numFeatures()}),
     * written row-major into {@code out} ({@code n × numClasses()}). Computed in logit space.
     */
    void predictProba(double[] x, int n, double[] out);

    /** Everything needed to rebuild this classifier, for the model file. */
    ModelState state();
}
