package org.sigmoid4j.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.kernel.Kernels;
import org.sigmoid4j.math.Logistic;
import org.sigmoid4j.math.ReferenceVectorTest;
import org.sigmoid4j.testkit.ReferenceVectors;
import org.sigmoid4j.testkit.Ulps;

/**
 * The opt-in faithful float sigmoid ({@link Kernels#sigmoidFaithful}): within 1 ulp of the
 * correctly rounded σ, for the scalar provider, the public facade and, when this JVM has the
 * Vector API, the Panama kernel (in the default execution with the machine's widest vectors and
 * in the executions that force 128- and 256-bit vectors, hence both tags). Checked against the
 * mpmath reference vectors (every float row) and, over a sweep of the float line and at
 * boundary values, against the correctly rounded scalar {@link Logistic#sigmoid(float)}.
 *
 * <p>{@code -Dsigmoid4j.tests.faithfulStride=1} makes the sweep exhaustive over [−104, 20]
 * (2.2·10^9 inputs, about 5 minutes per execution; run by hand, e.g. {@code mvn -o
 * surefire:test@default-test -pl sigmoid4j-core -Dtest='FaithfulSigmoidTest#sweep*'
 * -Dsigmoid4j.tests.argLine=-Dsigmoid4j.tests.faithfulStride=1}). It found max 1 ulp, 4.96 % of
 * the inputs 1 ulp off (512-bit vectors).
 */
@Tag("kernels")
@Tag("simd")
class FaithfulSigmoidTest {

    static final long BOUND = 1;
    static final int STRIDE = Integer.getInteger("sigmoid4j.tests.faithfulStride", 1 << 11);

    interface Bulk { void apply(float[] x, int xOff, float[] y, int yOff, int n); }
    record Provider(String name, Bulk bulk) {}

    static List<Provider> providers() {
        List<Provider> ps = new ArrayList<>();
        ps.add(new Provider("scalar", ScalarKernels.INSTANCE::sigmoidFaithful));
        ps.add(new Provider("Kernels (" + Kernels.info().describe() + ")", Kernels::sigmoidFaithful));
        if (KernelProvider.vectorModulePresent()) {
            KernelSupport p = KernelCrossCheckTest.panama();
            ps.add(new Provider("panama " + p.vectorBitSize() + "-bit", p::sigmoidFaithful));
        }
        return ps;
    }

    @Test
    void everyReferenceRowWithinOneUlp() {
        ReferenceVectors v = ReferenceVectors.load("sigmoid", true);
        float[] x = new float[v.size()];
        for (int i = 0; i < x.length; i++) x[i] = (float) v.x()[i];
        for (Provider p : providers()) {
            float[] got = new float[x.length + 3];
            p.bulk().apply(x, 0, got, 3, x.length); // an offset, so that chunks differ from the rows' order
            long max = ReferenceVectorTest.checkF(v, Arrays.copyOfRange(got, 3, got.length), "faithful " + p.name(), BOUND);
            float[] inPlace = x.clone();
            p.bulk().apply(inPlace, 0, inPlace, 0, inPlace.length);
            max = Math.max(max, ReferenceVectorTest.checkF(v, inPlace, "faithful in place " + p.name(), BOUND));
        }
    }

    /**
     * Every STRIDE-th float in [−104, 20] (both signs, down past the subnormal results and the
     * smallest one, σ(−103.28) = 2^−149) plus runs of consecutive floats at the places where the
     * kernel changes regime or results cross a power of two, against the scalar correctly
     * rounded σ.
     */
    @Test
    void sweepAgainstCorrectlyRoundedScalar() {
        Sweep sweep = new Sweep(providers());
        long[][] ranges = {
            {0L, Float.floatToRawIntBits(20f) & 0xFFFFFFFFL},
            {0x80000000L, Float.floatToRawIntBits(-104f) & 0xFFFFFFFFL}};
        for (long[] rg : ranges) {
            for (long b = rg[0]; b <= rg[1]; b += STRIDE) sweep.add(Float.intBitsToFloat((int) b));
        }
        float[] centers = {0f, 0x1p-24f, 0x1p-23f, 0.5f, 1f, 1.0986123f, 2f, 4f, 8.317766f, 16.635532f, 17.32868f, 20f,
            -0x1p-24f, -0x1p-23f, -0.5f, -1f, -1.0986123f, -2f, -4f, -16.635532f, -17.32868f, -40f, -80f,
            -86.99999f, -87f, -87.33655f, -88f, -88.72284f, -100f, -103.27893f, -103.97208f};
        for (float c : centers) {
            int cb = Float.floatToRawIntBits(c);
            for (int d = -2048; d < 2048; d++) sweep.add(Float.intBitsToFloat(cb + d));
        }
        sweep.flush();
        for (int k = 0; k < sweep.providers.size(); k++) {
            System.out.printf("sigmoid.f32 faithful sweep %s: %d inputs, max %d ulp, %d (%.2f %%) not correctly rounded%n",
                    sweep.providers.get(k).name(), sweep.total, sweep.max[k], sweep.off[k], 100.0 * sweep.off[k] / sweep.total);
        }
    }

    /** Streams the sweep's inputs through every provider in chunks (the exhaustive sweep has 2·10^9). */
    static final class Sweep {
        final List<Provider> providers;
        final long[] max;
        final long[] off;
        long total;
        final float[] x = new float[1 << 16];
        final float[] expected = new float[x.length];
        final float[] got = new float[x.length];
        int fill;

        Sweep(List<Provider> providers) {
            this.providers = providers;
            max = new long[providers.size()];
            off = new long[providers.size()];
        }

        void add(float v) {
            x[fill++] = v;
            if (fill == x.length) flush();
        }

        void flush() {
            for (int i = 0; i < fill; i++) expected[i] = Logistic.sigmoid(x[i]);
            for (int k = 0; k < providers.size(); k++) {
                Provider p = providers.get(k);
                p.bulk().apply(x, 0, got, 0, fill);
                for (int i = 0; i < fill; i++) {
                    long u = Ulps.between(got[i], expected[i]);
                    if (u > BOUND) {
                        fail("faithful " + p.name() + ": x=" + Ulps.show(x[i]) + " expected=" + Ulps.show(expected[i])
                                + " actual=" + Ulps.show(got[i]) + " ulps=" + (u == Ulps.MISMATCH ? "class mismatch" : u));
                    }
                    max[k] = Math.max(max[k], u);
                    if (u != 0) off[k]++;
                }
            }
            total += fill;
            fill = 0;
        }
    }

    static final float[] BOUNDARY = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, 1e30f, -1e30f,
        87f, 87.5f, 88f, 88.8f, 89f, 200f, -87f, Math.nextDown(-87f), -87.33655f, -87.5f, -88f, -100f, -103.27893f,
        -103.97208f, -104f, -150f, 16.635532f, 17.32868f, -17.32868f, 1.0986123f, -1.0986123f, 1e-8f, -1e-8f,
        Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000)};

    /**
     * Sizes that straddle every lane count, offsets, in place and out of place, random inputs
     * salted with boundary values; never NaN or ±∞ for a non-NaN input, results in [0, 1],
     * elements outside the range untouched.
     */
    @Test
    void sizesOffsetsInPlaceAndSpecialValues() {
        int[] sizes = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 100, 257, 1023, 4098};
        SplittableRandom r = new SplittableRandom(44);
        for (Provider p : providers()) {
            for (int n : sizes) {
                for (int off : new int[] {0, 5}) {
                    float[] x = new float[n + off + 2];
                    for (int i = 0; i < x.length; i++) {
                        int kind = r.nextInt(4);
                        x[i] = kind == 0 ? BOUNDARY[r.nextInt(BOUNDARY.length)]
                                : kind == 1 ? (float) r.nextDouble(-20, 20)
                                : kind == 2 ? (float) r.nextDouble(-110, 100)
                                : (float) Math.scalb(r.nextDouble(1, 2), r.nextInt(-30, 7)) * (r.nextBoolean() ? 1 : -1);
                    }
                    // one chunk in three without boundary values, so that the vector path writes too
                    if (r.nextInt(3) == 0) {
                        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-30, 30);
                    }
                    float[] got = new float[x.length + 2];
                    Arrays.fill(got, 7f);
                    p.bulk().apply(x, off, got, off + 1, n);
                    float[] inPlace = x.clone();
                    p.bulk().apply(inPlace, off, inPlace, off, n);
                    for (int i = 0; i < x.length; i++) {
                        boolean inside = i >= off && i < off + n;
                        float outOfPlace = got[i + 1];
                        if (!inside) {
                            assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(inPlace[i]),
                                    p.name() + " in place wrote outside the range at " + i);
                            assertEquals(7f, outOfPlace, p.name() + " wrote outside the range at " + (i + 1));
                            continue;
                        }
                        float e = Logistic.sigmoid(x[i]);
                        for (float a : new float[] {outOfPlace, inPlace[i]}) {
                            long u = Ulps.between(a, e);
                            String what = p.name() + " n=" + n + " off=" + off + " at " + i + ": x=" + Ulps.show(x[i])
                                    + " expected=" + Ulps.show(e) + " actual=" + Ulps.show(a);
                            if (u > BOUND) fail(what + " ulps=" + (u == Ulps.MISMATCH ? "class mismatch" : u));
                            if (!Float.isNaN(x[i])) assertTrue(a >= 0f && a <= 1f, what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void specialValuesExactly() {
        float[] x = new float[40];
        for (int i = 0; i < x.length; i++) x[i] = (float) (i - 20) * 0.3f;
        x[3] = Float.NaN;
        x[17] = Float.POSITIVE_INFINITY;
        x[18] = Float.NEGATIVE_INFINITY;
        x[19] = -0f;
        x[33] = Float.MAX_VALUE;
        x[34] = -Float.MAX_VALUE;
        x[35] = -103.5f;     // σ rounds to the smallest subnormal, 2^−149
        x[36] = -90f;        // subnormal result
        for (Provider p : providers()) {
            float[] y = new float[x.length];
            p.bulk().apply(x, 0, y, 0, x.length);
            assertTrue(Float.isNaN(y[3]), p.name() + ": NaN in, NaN out");
            assertEquals(1f, y[17], p.name() + ": σ(+∞)");
            assertEquals(0f, y[18], p.name() + ": σ(−∞)");
            assertEquals(0.5f, y[19], p.name() + ": σ(−0)");
            assertEquals(1f, y[33], p.name() + ": σ(MAX_VALUE)");
            assertEquals(0f, y[34], p.name() + ": σ(−MAX_VALUE)");
            assertEquals(Float.MIN_VALUE, y[35], p.name() + ": σ(−103.5) is the smallest subnormal, not 0");
            assertEquals(Logistic.sigmoid(-90f), y[36], p.name() + ": subnormal σ(−90) not flushed");
            assertTrue(y[36] > 0 && y[36] < Float.MIN_NORMAL, p.name() + ": σ(−90) = " + y[36]);
        }
    }
}
