package org.sigmoid4j.internal.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.sigmoid4j.internal.kernel.KernelProvider;

/**
 * Blocked, vectorised matrix products through {@code jdk.incubator.vector} (GotoBLAS shape):
 * op(B) is packed into KC × 2-vector column panels and op(A) into KC × 6 row blocks (zero padded,
 * so edges need no special kernel), then a 6 × 2-vector register micro-kernel accumulates each
 * C tile over the KC block with fused multiply-adds and adds it into C (masked at the right edge).
 * Packing costs O(mk + kn) against the O(mnk) product, and makes transposed operands free.
 *
 * <p>Determinism: every C element is the same chain of FMAs in ascending p within each KC block,
 * added into C block after block; threads split the 6-row blocks only, so the thread count never
 * changes a bit of the result.
 *
 * <p>Loaded reflectively by {@link org.sigmoid4j.linalg.Gemm} through
 * {@link KernelProvider#loadPanama}. The double half below is the float half with the types
 * renamed (FloatVector → DoubleVector, float → double, SF → SD, ...F → ...D): keep them in step.
 */
public final class PanamaGemm implements GemmSupport {

    /** Rows per micro-kernel tile: 12 accumulators + 2 B vectors + 1 broadcast fit in 16 registers. */
    static final int MR = 6;
    /** Depth of a packed block: a 2-vector B panel (KC × 32 floats = 32 KiB at 512 bits) stays in L1/L2. */
    static final int KC = 256;
    /** Rows of A packed at once (a multiple of MR): 240 × 256 floats = 240 KiB, L2-resident. */
    static final int MC = 240;

    // Static finals so that C2 treats the species as constants (instance fields would box vectors).
    private static final VectorSpecies<Float> SF;
    private static final VectorSpecies<Double> SD;

    static {
        int bits = Integer.getInteger(KernelProvider.VECTOR_BITS_PROPERTY,
                VectorShape.preferredShape().vectorBitSize());
        if (bits >= 128) {
            VectorShape shape = VectorShape.forBitSize(bits);
            SF = FloatVector.SPECIES_PREFERRED.withShape(shape);
            SD = DoubleVector.SPECIES_PREFERRED.withShape(shape);
        } else {
            SF = null;
            SD = null;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread packing buffers, grown on demand and reused. */
    private static final class Scratch {
        private float[] fa = new float[0], fb = new float[0];
        private double[] da = new double[0], db = new double[0];

        float[] floatA(int n) { if (fa.length < n) fa = new float[n]; return fa; }
        float[] floatB(int n) { if (fb.length < n) fb = new float[n]; return fb; }
        double[] doubleA(int n) { if (da.length < n) da = new double[n]; return da; }
        double[] doubleB(int n) { if (db.length < n) db = new double[n]; return db; }
        private float[] ft = new float[0];
        private double[] dt = new double[0];
        float[] floatTile(int n) { if (ft.length < n) ft = new float[n]; return ft; }
        double[] doubleTile(int n) { if (dt.length < n) dt = new double[n]; return dt; }
    }

    /** Public only for the reflective loader; throws {@link UnsupportedOperationException} when vectors are too narrow. */
    public PanamaGemm() {
        if (SF == null) {
            throw new UnsupportedOperationException("preferred vector size is "
                    + VectorShape.preferredShape().vectorBitSize() + " bits; need at least 128");
        }
    }

    @Override
    public String name() {
        return "panama-" + SF.vectorBitSize();
    }

    // ---------------------------------------------------------------- float

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     boolean accumulate, float[] c, int cOff, int ldc, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        int nr = 2 * SF.length();
        int panels = (n + nr - 1) / nr;
        Scratch s = SCRATCH.get();
        float[] pb = s.floatB(KC * panels * nr);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean overwrite = pc == 0 && !accumulate;
            packBF(transB, b, bOff, ldb, pc, kc, n, panels, nr, pb);
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                int blocks = (mc + MR - 1) / MR;
                float[] pa = s.floatA(KC * blocks * MR);
                packAF(transA, a, aOff, lda, ic, mc, pc, kc, blocks, pa);
                int cBase = cOff + ic * ldc;
                Parallel.run(threads, blocks, mc * (long) n * kc, (from, to) -> {
                    float[] tile = SCRATCH.get().floatTile(MR * nr);
                    for (int jp = 0; jp < panels; jp++) {
                        int cols = Math.min(nr, n - jp * nr);
                        for (int blk = from; blk < to; blk++) {
                            kernelF(kc, pa, blk * kc * MR, pb, jp * kc * nr, c, cBase + blk * MR * ldc + jp * nr,
                                    ldc, Math.min(MR, mc - blk * MR), cols, overwrite, tile);
                        }
                    }
                });
            }
        }
    }

    /** pb[panel*kc*nr + p*nr + col] = op(B)[pc+p][panel*nr+col], zero past column n. */
    private static void packBF(boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int n,
                               int panels, int nr, float[] pb) {
        for (int jp = 0; jp < panels; jp++) {
            int j0 = jp * nr;
            int w = Math.min(nr, n - j0);
            int base = jp * kc * nr;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    System.arraycopy(b, bOff + (pc + p) * ldb + j0, pb, dst, w);
                    if (w < nr) java.util.Arrays.fill(pb, dst + w, dst + nr, 0f);
                }
            } else {
                // Sequential writes; the w source rows are read in step, each from one L1 line per
                // 16 (float) or 8 (double) values of p.
                int src0 = bOff + j0 * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    int src = src0 + p;
                    for (int col = 0; col < w; col++, src += ldb) pb[dst + col] = b[src];
                    for (int col = w; col < nr; col++) pb[dst + col] = 0f;
                }
            }
        }
    }

    /** pa[blk*kc*MR + p*MR + r] = op(A)[ic+blk*MR+r][pc+p], zero past row ic+mc. */
    private static void packAF(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                               int blocks, float[] pa) {
        for (int blk = 0; blk < blocks; blk++) {
            int base = blk * kc * MR;
            int rows = Math.min(MR, mc - blk * MR);
            if (!transA) {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = aOff + (ic + blk * MR + r) * lda + pc;
                        for (int p = 0; p < kc; p++) pa[base + p * MR + r] = a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) pa[base + p * MR + r] = 0f;
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + blk * MR;
                    int dst = base + p * MR;
                    for (int r = 0; r < MR; r++) pa[dst + r] = r < rows ? a[src + r] : 0f;
                }
            }
        }
    }

    /**
     * The 6 × 2-vector micro-kernel: twelve accumulators stay in registers over the kc loop (one
     * broadcast of A per row, two loads of B per step), then rows &lt; {@code rows} and columns
     * &lt; {@code cols} are added to (or written into) C, masked at the right edge.
     */
    private static void kernelF(int kc, float[] pa, int ai, float[] pb, int bi, float[] c, int ci, int ldc,
                                int rows, int cols, boolean overwrite, float[] tile) {
        final int vl = SF.length();
        FloatVector c00 = FloatVector.zero(SF), c01 = FloatVector.zero(SF);
        FloatVector c10 = FloatVector.zero(SF), c11 = FloatVector.zero(SF);
        FloatVector c20 = FloatVector.zero(SF), c21 = FloatVector.zero(SF);
        FloatVector c30 = FloatVector.zero(SF), c31 = FloatVector.zero(SF);
        FloatVector c40 = FloatVector.zero(SF), c41 = FloatVector.zero(SF);
        FloatVector c50 = FloatVector.zero(SF), c51 = FloatVector.zero(SF);
        for (int p = 0; p < kc; p++, ai += MR, bi += 2 * vl) {
            FloatVector b0 = FloatVector.fromArray(SF, pb, bi);
            FloatVector b1 = FloatVector.fromArray(SF, pb, bi + vl);
            FloatVector x = FloatVector.broadcast(SF, pa[ai]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(SF, pa[ai + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(SF, pa[ai + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(SF, pa[ai + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(SF, pa[ai + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(SF, pa[ai + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
        }
        // Spill the tile (passing vectors to a helper that C2 may not inline would box them).
        c00.intoArray(tile, 0); c01.intoArray(tile, vl);
        c10.intoArray(tile, 2 * vl); c11.intoArray(tile, 3 * vl);
        c20.intoArray(tile, 4 * vl); c21.intoArray(tile, 5 * vl);
        c30.intoArray(tile, 6 * vl); c31.intoArray(tile, 7 * vl);
        c40.intoArray(tile, 8 * vl); c41.intoArray(tile, 9 * vl);
        c50.intoArray(tile, 10 * vl); c51.intoArray(tile, 11 * vl);
        addTileF(tile, c, ci, ldc, rows, cols, overwrite);
    }

    /** C[r][0..cols) (+)= tile[r][0..cols) for r &lt; rows; masked at the right edge. */
    private static void addTileF(float[] tile, float[] c, int ci, int ldc, int rows, int cols, boolean overwrite) {
        final int vl = SF.length();
        for (int r = 0; r < rows; r++) {
            int t = r * 2 * vl, o = ci + r * ldc;
            for (int j = 0; j < 2 * vl; j += vl) {
                if (j + vl <= cols) {
                    FloatVector v = FloatVector.fromArray(SF, tile, t + j);
                    if (!overwrite) v = v.add(FloatVector.fromArray(SF, c, o + j));
                    v.intoArray(c, o + j);
                } else if (j < cols) {
                    VectorMask<Float> m = SF.indexInRange(j, cols);
                    FloatVector v = FloatVector.fromArray(SF, tile, t + j);
                    if (!overwrite) v = v.add(FloatVector.fromArray(SF, c, o + j, m));
                    v.intoArray(c, o + j, m);
                }
            }
        }
    }

    // ---------------------------------------------------------------- double

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     boolean accumulate, double[] c, int cOff, int ldc, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0d);
            }
            return;
        }
        int nr = 2 * SD.length();
        int panels = (n + nr - 1) / nr;
        Scratch s = SCRATCH.get();
        double[] pb = s.doubleB(KC * panels * nr);
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean overwrite = pc == 0 && !accumulate;
            packBD(transB, b, bOff, ldb, pc, kc, n, panels, nr, pb);
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                int blocks = (mc + MR - 1) / MR;
                double[] pa = s.doubleA(KC * blocks * MR);
                packAD(transA, a, aOff, lda, ic, mc, pc, kc, blocks, pa);
                int cBase = cOff + ic * ldc;
                Parallel.run(threads, blocks, mc * (long) n * kc, (from, to) -> {
                    double[] tile = SCRATCH.get().doubleTile(MR * nr);
                    for (int jp = 0; jp < panels; jp++) {
                        int cols = Math.min(nr, n - jp * nr);
                        for (int blk = from; blk < to; blk++) {
                            kernelD(kc, pa, blk * kc * MR, pb, jp * kc * nr, c, cBase + blk * MR * ldc + jp * nr,
                                    ldc, Math.min(MR, mc - blk * MR), cols, overwrite, tile);
                        }
                    }
                });
            }
        }
    }

    /** pb[panel*kc*nr + p*nr + col] = op(B)[pc+p][panel*nr+col], zero past column n. */
    private static void packBD(boolean transB, double[] b, int bOff, int ldb, int pc, int kc, int n,
                               int panels, int nr, double[] pb) {
        for (int jp = 0; jp < panels; jp++) {
            int j0 = jp * nr;
            int w = Math.min(nr, n - j0);
            int base = jp * kc * nr;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    System.arraycopy(b, bOff + (pc + p) * ldb + j0, pb, dst, w);
                    if (w < nr) java.util.Arrays.fill(pb, dst + w, dst + nr, 0d);
                }
            } else {
                // Sequential writes; the w source rows are read in step, each from one L1 line per
                // 16 (float) or 8 (double) values of p.
                int src0 = bOff + j0 * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    int src = src0 + p;
                    for (int col = 0; col < w; col++, src += ldb) pb[dst + col] = b[src];
                    for (int col = w; col < nr; col++) pb[dst + col] = 0d;
                }
            }
        }
    }

    /** pa[blk*kc*MR + p*MR + r] = op(A)[ic+blk*MR+r][pc+p], zero past row ic+mc. */
    private static void packAD(boolean transA, double[] a, int aOff, int lda, int ic, int mc, int pc, int kc,
                               int blocks, double[] pa) {
        for (int blk = 0; blk < blocks; blk++) {
            int base = blk * kc * MR;
            int rows = Math.min(MR, mc - blk * MR);
            if (!transA) {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = aOff + (ic + blk * MR + r) * lda + pc;
                        for (int p = 0; p < kc; p++) pa[base + p * MR + r] = a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) pa[base + p * MR + r] = 0d;
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (pc + p) * lda + ic + blk * MR;
                    int dst = base + p * MR;
                    for (int r = 0; r < MR; r++) pa[dst + r] = r < rows ? a[src + r] : 0d;
                }
            }
        }
    }

    /**
     * The 6 × 2-vector micro-kernel: twelve accumulators stay in registers over the kc loop (one
     * broadcast of A per row, two loads of B per step), then rows &lt; {@code rows} and columns
     * &lt; {@code cols} are added to (or written into) C, masked at the right edge.
     */
    private static void kernelD(int kc, double[] pa, int ai, double[] pb, int bi, double[] c, int ci, int ldc,
                                int rows, int cols, boolean overwrite, double[] tile) {
        final int vl = SD.length();
        DoubleVector c00 = DoubleVector.zero(SD), c01 = DoubleVector.zero(SD);
        DoubleVector c10 = DoubleVector.zero(SD), c11 = DoubleVector.zero(SD);
        DoubleVector c20 = DoubleVector.zero(SD), c21 = DoubleVector.zero(SD);
        DoubleVector c30 = DoubleVector.zero(SD), c31 = DoubleVector.zero(SD);
        DoubleVector c40 = DoubleVector.zero(SD), c41 = DoubleVector.zero(SD);
        DoubleVector c50 = DoubleVector.zero(SD), c51 = DoubleVector.zero(SD);
        for (int p = 0; p < kc; p++, ai += MR, bi += 2 * vl) {
            DoubleVector b0 = DoubleVector.fromArray(SD, pb, bi);
            DoubleVector b1 = DoubleVector.fromArray(SD, pb, bi + vl);
            DoubleVector x = DoubleVector.broadcast(SD, pa[ai]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SD, pa[ai + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SD, pa[ai + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SD, pa[ai + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SD, pa[ai + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SD, pa[ai + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
        }
        // Spill the tile (passing vectors to a helper that C2 may not inline would box them).
        c00.intoArray(tile, 0); c01.intoArray(tile, vl);
        c10.intoArray(tile, 2 * vl); c11.intoArray(tile, 3 * vl);
        c20.intoArray(tile, 4 * vl); c21.intoArray(tile, 5 * vl);
        c30.intoArray(tile, 6 * vl); c31.intoArray(tile, 7 * vl);
        c40.intoArray(tile, 8 * vl); c41.intoArray(tile, 9 * vl);
        c50.intoArray(tile, 10 * vl); c51.intoArray(tile, 11 * vl);
        addTileD(tile, c, ci, ldc, rows, cols, overwrite);
    }

    /** C[r][0..cols) (+)= tile[r][0..cols) for r &lt; rows; masked at the right edge. */
    private static void addTileD(double[] tile, double[] c, int ci, int ldc, int rows, int cols, boolean overwrite) {
        final int vl = SD.length();
        for (int r = 0; r < rows; r++) {
            int t = r * 2 * vl, o = ci + r * ldc;
            for (int j = 0; j < 2 * vl; j += vl) {
                if (j + vl <= cols) {
                    DoubleVector v = DoubleVector.fromArray(SD, tile, t + j);
                    if (!overwrite) v = v.add(DoubleVector.fromArray(SD, c, o + j));
                    v.intoArray(c, o + j);
                } else if (j < cols) {
                    VectorMask<Double> m = SD.indexInRange(j, cols);
                    DoubleVector v = DoubleVector.fromArray(SD, tile, t + j);
                    if (!overwrite) v = v.add(DoubleVector.fromArray(SD, c, o + j, m));
                    v.intoArray(c, o + j, m);
                }
            }
        }
    }
}
