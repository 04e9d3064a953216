package org.sigmoid4j.report;

import java.util.List;
import org.sigmoid4j.activation.Activation;
import org.sigmoid4j.activation.StandardActivation;

/**
 * The seed's figures: sigmoid, tanh and ReLU, and their derivatives, as SVG line charts. Values
 * come from the library's own activations ({@link StandardActivation}), so the plots show exactly
 * what the networks compute; σ' peaks at ¼, which is why deep sigmoid stacks shrink gradients.
 */
public final class ActivationPlots {

    /** The activations the seed compares. */
    public static final List<Activation> SEED = List.of(StandardActivation.SIGMOID, StandardActivation.TANH, StandardActivation.RELU);

    private ActivationPlots() {}

    private static double[] grid(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = lo + (hi - lo) * i / (n - 1);
        return x;
    }

    /** f(x) for each activation on [−6, 6]. */
    public static String functions(List<Activation> activations) {
        double[] x = grid(-6, 6, 241);
        LineChart c = LineChart.titled("Activation functions").xLabel("x").yLabel("f(x)").yRange(-1.5, 3);
        for (Activation a : activations) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = a.value(x[i]);
            c.series(a.id(), x, y);
        }
        return c.toSvg();
    }

    /** f'(x) for each activation on [−6, 6], computed from x (σ'(x) = σ(x)σ(−x) peaks at ¼). */
    public static String derivatives(List<Activation> activations) {
        double[] x = grid(-6, 6, 241);
        LineChart c = LineChart.titled("Their derivatives").xLabel("x").yLabel("f'(x)").yRange(0, 1.2).referenceLine(0.25);
        for (Activation a : activations) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) y[i] = a.derivative(x[i]);
            c.series(a.id() + "'", x, y);
        }
        return c.toSvg();
    }

    /** Adds both seed figures to a report, with a sentence on what they show. */
    public static void addTo(HtmlReport report) {
        report.heading("Sigmoid, tanh and ReLU");
        report.paragraph("σ'(x) = σ(x)σ(−x) is at most ¼ (dotted line), so every sigmoid layer multiplies the error signal passed back"
                + " by at most ¼ times its weights; tanh' reaches 1 at 0 and ReLU' is 1 wherever the unit is active.");
        report.chartGrid(List.of(functions(SEED), derivatives(SEED)));
    }
}
