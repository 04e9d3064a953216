package org.sigmoid4j.internal.linalg;

/**
 * Plain-loop matrix products: the fallback without the Vector API and the cross-check reference
 * for {@code PanamaGemm}. Each C element is Σ_p in ascending p, one fused multiply-add at a time.
 * Single-threaded (the thread count never changes results, here trivially).
 */
public final class ScalarGemm implements GemmSupport {

    public static final ScalarGemm INSTANCE = new ScalarGemm();

    private ScalarGemm() {}

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc, int threads) {
        int asI = transA ? 1 : lda, asP = transA ? lda : 1;
        int bsP = transB ? 1 : ldb, bsJ = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * asI + p * asP];
                int bp = bOff + p * bsP;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j * bsJ], c[ci + j]);
                }
            }
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     boolean accumulate, double[] c, int cOff, int ldc, int threads) {
        int asI = transA ? 1 : lda, asP = transA ? lda : 1;
        int bsP = transB ? 1 : ldb, bsJ = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0d);
            }
            for (int p = 0; p < k; p++) {
                double aip = a[aOff + i * asI + p * asP];
                int bp = bOff + p * bsP;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j * bsJ], c[ci + j]);
                }
            }
        }
    }
}
