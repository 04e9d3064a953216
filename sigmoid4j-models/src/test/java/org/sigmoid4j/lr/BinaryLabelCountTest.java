package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free label check against a plain loop with comparisons. */
class BinaryLabelCountTest {

    @Test
    void countsOnesOfEveryLength() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 1; n < 40; n++) {
            double[] y = new double[n + 3];
            int ones = 0;
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                ones += y[i] == 1 ? 1 : 0;
            }
            y[n] = 0.5; // beyond n: not read
            assertEquals(ones, LogisticRegression.binaryLabelCount(y, n), "n = " + n);
        }
        // −0 is a label 0, as it compares equal to 0
        assertEquals(1, LogisticRegression.binaryLabelCount(new double[] {-0.0, 1, 0, -0.0, 0}, 5));
    }

    @Test
    void anyOtherValueAnywhereIsRejected() {
        double[] others = {0.5, 2, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-320,
            Double.MIN_VALUE, Math.nextUp(1.0), Math.nextDown(1.0), 1e200, -1e200, 3};
        for (double v : others) {
            for (int n : new int[] {1, 4, 7, 9}) {
                for (int at = 0; at < n; at++) {
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = i % 2;
                    }
                    y[at] = v;
                    assertEquals(-1, LogisticRegression.binaryLabelCount(y, n), v + " at " + at + " of " + n);
                }
            }
        }
    }
}
