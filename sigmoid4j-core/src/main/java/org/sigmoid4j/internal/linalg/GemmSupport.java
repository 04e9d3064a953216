package org.sigmoid4j.internal.linalg;

/**
 * Matrix-product kernels one implementation provides; callers use {@link org.sigmoid4j.linalg.Gemm},
 * which validates arguments. All matrices are row-major.
 *
 * <p>{@code C[i][j] (+)= Σ_p op(A)[i][p] · op(B)[p][j]} for i &lt; m, j &lt; n, p &lt; k, where
 * op(A)[i][p] is {@code a[aOff + i*lda + p]}, or {@code a[aOff + p*lda + i]} when {@code transA},
 * and op(B)[p][j] is {@code b[bOff + p*ldb + j]}, or {@code b[bOff + j*ldb + p]} when
 * {@code transB}. With {@code accumulate} false, C is overwritten.
 *
 * <p>Determinism contract: every element of C is computed by one fixed sequence of operations
 * that depends on (m, n, k) and the implementation only, never on {@code threads}; so results are
 * bit-identical whatever the thread count.
 */
public interface GemmSupport {

    String name();

    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              boolean accumulate, float[] c, int cOff, int ldc, int threads);

    void gemm(boolean transA, boolean transB, int m, int n, int k,
              double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
              boolean accumulate, double[] c, int cOff, int ldc, int threads);
}
