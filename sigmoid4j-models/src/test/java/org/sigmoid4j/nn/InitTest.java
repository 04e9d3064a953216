package org.sigmoid4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each initialiser's sample mean, variance and bounds against its definition (fan_in 400, fan_out 100). */
class InitTest {

    @Test
    void momentsAndBoundsMatchTheDefinitions() {
        int in = 400, out = 100;
        double glorotVar = 2.0 / (in + out);
        Object[][] cases = {
                {Init.NORMAL, 1.0, Double.NaN},
                {Init.NIELSEN, 1.0 / in, Double.NaN},
                {Init.GLOROT_NORMAL, glorotVar, Double.NaN},
                {Init.GLOROT_UNIFORM, glorotVar, Math.sqrt(6.0 / (in + out))},
                {Init.HE, 2.0 / in, Double.NaN},
                {Init.HE_UNIFORM, 2.0 / in, Math.sqrt(6.0 / in)},
                {Init.PYTORCH, 1.0 / (3.0 * in), 1 / Math.sqrt(in)},
        };
        for (Object[] c : cases) {
            Init init = (Init) c[0];
            double var = (Double) c[1], bound = (Double) c[2];
            Parameter p = new Parameter("weight", Precision.F64, out, in, true);
            init.fill(p, new SplittableRandom(1), in, out);
            double[] v = p.valuesAsDouble();
            double mean = 0, sq = 0, max = 0;
            for (double x : v) {
                mean += x;
                max = Math.max(max, Math.abs(x));
            }
            mean /= v.length;
            for (double x : v) sq += (x - mean) * (x - mean);
            double sampleVar = sq / (v.length - 1);
            // 40000 draws: the sample variance is within ~1.5% (normal) of the true one at 3 sigma.
            assertEquals(var, sampleVar, 0.03 * var, init.id() + " variance");
            assertEquals(0, mean, 4 * Math.sqrt(var / v.length), init.id() + " mean");
            if (!Double.isNaN(bound)) {
                assertTrue(max <= bound && max > 0.99 * bound, init.id() + " bound " + bound + ", max " + max);
            }
        }
        Parameter z = new Parameter("bias", Precision.F32, 1, 10, false);
        z.setValues(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        Init.ZERO.fill(z, new SplittableRandom(1), 4, 10);
        for (double x : z.valuesAsDouble()) assertEquals(0.0, x);
    }

    @Test
    void namesAndAliases() {
        assertEquals(Init.GLOROT_UNIFORM, Init.forId("xavier-uniform"));
        assertEquals(Init.HE, Init.forId("kaiming"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.forId("orthogonal"));
        assertTrue(e.getMessage().contains("glorot-uniform"), e.getMessage());
        assertTrue(!Init.HE.validForBias() && Init.PYTORCH.validForBias());
    }
}
