package org.sigmoid4j.linalg;

import org.sigmoid4j.internal.linalg.GemmProvider;
import org.sigmoid4j.internal.linalg.GemmSupport;

/**
 * General matrix products, row-major, BLAS {@code gemm} style:
 * {@code C (+)= op(A) · op(B)}, where op(A) is m × k and op(B) is k × n.
 *
 * <ul>
 *   <li>op(A)[i][p] = {@code a[aOff + i*lda + p]}, or {@code a[aOff + p*lda + i]} when {@code transA};</li>
 *   <li>op(B)[p][j] = {@code b[bOff + p*ldb + j]}, or {@code b[bOff + j*ldb + p]} when {@code transB};</li>
 *   <li>C[i][j] = {@code c[cOff + i*ldc + j]}; overwritten, or added to when {@code accumulate}.</li>
 * </ul>
 *
 * <p>With the Vector API enabled the products are blocked and vectorised (packed panels and a
 * register micro-kernel with fused multiply-adds); otherwise plain loops. Either way the result
 * is bit-identical whatever {@code threads} is: threads only split the rows of C.
 */
public final class Gemm {

    private static final GemmSupport IMPL = GemmProvider.gemm();

    private Gemm() {}

    /** {@code "panama-512"}, {@code "panama-256"}, ... or {@code "scalar"}. */
    public static String implementation() {
        return IMPL.name();
    }

    /** Why the scalar implementation is used (with the fix), or {@code null}. */
    public static String fallbackReason() {
        return GemmProvider.fallbackReason();
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            boolean accumulate, float[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc, 1);
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            boolean accumulate, double[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc, 1);
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            boolean accumulate, float[] c, int cOff, int ldc, int threads) {
        check(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc, threads);
        IMPL.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc, threads);
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            boolean accumulate, double[] c, int cOff, int ldc, int threads) {
        check(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc, threads);
        IMPL.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc, threads);
    }

    private static void check(boolean transA, boolean transB, int m, int n, int k,
                              int aLen, int aOff, int lda, int bLen, int bOff, int ldb,
                              int cLen, int cOff, int ldc, int threads) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension: m=" + m + " n=" + n + " k=" + k);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (m == 0 || n == 0) {
            return;
        }
        checkOperand("C", m, n, cLen, cOff, ldc);
        if (k == 0) {
            return;
        }
        checkOperand("A", transA ? k : m, transA ? m : k, aLen, aOff, lda);
        checkOperand("B", transB ? n : k, transB ? k : n, bLen, bOff, ldb);
    }

    /** A stored rows × cols with leading dimension ld must fit in the array. */
    private static void checkOperand(String name, int rows, int cols, int len, int off, int ld) {
        if (ld < cols) {
            throw new IllegalArgumentException(name + ": leading dimension " + ld + " < " + cols + " columns");
        }
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= len) {
            throw new IndexOutOfBoundsException(name + ": " + rows + "x" + cols + " (ld " + ld + ") at offset "
                    + off + " needs index " + last + ", array length " + len);
        }
    }
}
