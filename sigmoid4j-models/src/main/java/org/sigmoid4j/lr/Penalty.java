package org.sigmoid4j.lr;

import java.util.Locale;

/**
 * The penalty on the coefficients w (never on the intercepts), in one of two equivalent forms.
 *
 * <p><b>C form</b> (scikit-learn's): minimise
 * <pre>
 *   F_C(w, b) = (1 − ρ)·½‖w‖₂² + ρ·‖w‖₁ + C · Σᵢ sᵢ · logloss(yᵢ, zᵢ)
 * </pre>
 * with ρ = 0 for {@link #l2 L2}, ρ = 1 for {@link #l1 L1} and the given l1Ratio for
 * {@link #elasticNet elastic net}; sᵢ are the sample weights (times the class weights, 1 by
 * default) and logloss(y, z) = log(1 + eᶻ) − y·z. Larger C means weaker regularisation.
 *
 * <p><b>λ form</b> (glmnet's): minimise
 * <pre>
 *   F_λ(w, b) = (1/Σᵢsᵢ) · Σᵢ sᵢ · logloss(yᵢ, zᵢ) + λ · [(1 − ρ)·½‖w‖₂² + ρ·‖w‖₁]
 * </pre>
 * which has the same minimiser as the C form with C = 1 / (λ · Σᵢ sᵢ) (F_λ = λ·F_C), so a λ
 * penalty is solved as that C. {@link #none()} minimises Σᵢ sᵢ·logloss (maximum likelihood).
 */
public final class Penalty {

    /** The penalty family. */
    public enum Kind { NONE, L2, L1, ELASTIC_NET }

    private final Kind kind;
    private final double c;
    private final double lambda;
    private final double l1Ratio;

    private Penalty(Kind kind, double c, double lambda, double l1Ratio) {
        this.kind = kind;
        this.c = c;
        this.lambda = lambda;
        this.l1Ratio = l1Ratio;
    }

    /** No penalty: maximum likelihood (the statistics of {@link GlmSummary} are available). */
    public static Penalty none() {
        return new Penalty(Kind.NONE, 1.0, Double.NaN, 0);
    }

    /** L2 (ridge) in the C form; C > 0. */
    public static Penalty l2(double c) {
        return new Penalty(Kind.L2, checkC(c), Double.NaN, 0);
    }

    /** L1 (lasso) in the C form; C > 0. */
    public static Penalty l1(double c) {
        return new Penalty(Kind.L1, checkC(c), Double.NaN, 1);
    }

    /** Elastic net in the C form; C > 0, 0 ≤ l1Ratio ≤ 1 (0 is L2, 1 is L1). */
    public static Penalty elasticNet(double c, double l1Ratio) {
        return new Penalty(Kind.ELASTIC_NET, checkC(c), Double.NaN, checkRatio(l1Ratio));
    }

    /** L2 in the λ form; λ > 0. */
    public static Penalty l2Lambda(double lambda) {
        return new Penalty(Kind.L2, Double.NaN, checkLambda(lambda), 0);
    }

    /** L1 in the λ form; λ > 0. */
    public static Penalty l1Lambda(double lambda) {
        return new Penalty(Kind.L1, Double.NaN, checkLambda(lambda), 1);
    }

    /** Elastic net in the λ form; λ > 0, 0 ≤ l1Ratio ≤ 1. */
    public static Penalty elasticNetLambda(double lambda, double l1Ratio) {
        return new Penalty(Kind.ELASTIC_NET, Double.NaN, checkLambda(lambda), checkRatio(l1Ratio));
    }

    public Kind kind() {
        return kind;
    }

    /** True when given in the λ form. */
    public boolean lambdaForm() {
        return !Double.isNaN(lambda);
    }

    /** C as given (NaN for the λ form; 1 for none). */
    public double c() {
        return c;
    }

    /** λ as given (NaN for the C form). */
    public double lambda() {
        return lambda;
    }

    /** ρ: the L1 share (0 for L2 and none, 1 for L1). */
    public double l1Ratio() {
        return l1Ratio;
    }

    /** The C of the C form that this penalty amounts to, given Σᵢ sᵢ. */
    public double effectiveC(double totalWeight) {
        return lambdaForm() ? 1.0 / (lambda * totalWeight) : c;
    }

    /** Coefficient of ½‖w‖² in the C form. */
    double l2Weight() {
        return switch (kind) {
            case NONE, L1 -> 0;
            case L2 -> 1;
            case ELASTIC_NET -> 1 - l1Ratio;
        };
    }

    /** Coefficient of ‖w‖₁ in the C form. */
    double l1Weight() {
        return switch (kind) {
            case NONE, L2 -> 0;
            case L1 -> 1;
            case ELASTIC_NET -> l1Ratio;
        };
    }

    /** "none", "l2", "l1" or "elasticnet" (the CLI's and model file's names). */
    public String name() {
        return kind == Kind.ELASTIC_NET ? "elasticnet" : kind.name().toLowerCase(Locale.ROOT);
    }

    /** Parses the names of {@link #name()} with a C (or λ when {@code lambdaForm}). */
    public static Penalty of(String name, double cOrLambda, boolean lambdaForm, double l1Ratio) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> none();
            case "l2" -> lambdaForm ? l2Lambda(cOrLambda) : l2(cOrLambda);
            case "l1" -> lambdaForm ? l1Lambda(cOrLambda) : l1(cOrLambda);
            case "elasticnet", "elastic_net", "elastic-net" ->
                    lambdaForm ? elasticNetLambda(cOrLambda, l1Ratio) : elasticNet(cOrLambda, l1Ratio);
            default -> throw new IllegalArgumentException("unknown penalty '" + name + "' (none, l2, l1, elasticnet)");
        };
    }

    @Override
    public String toString() {
        if (kind == Kind.NONE) {
            return "none";
        }
        String s = name() + (lambdaForm() ? "(lambda=" + lambda : "(C=" + c);
        return s + (kind == Kind.ELASTIC_NET ? ", l1_ratio=" + l1Ratio + ")" : ")");
    }

    private static double checkC(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("C must be a finite number > 0, got " + c);
        }
        return c;
    }

    private static double checkLambda(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number > 0, got " + lambda);
        }
        return lambda;
    }

    private static double checkRatio(double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("l1_ratio must be in [0, 1], got " + r);
        }
        return r;
    }
}
