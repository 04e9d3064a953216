package org.sigmoid4j.internal.linalg;

import org.sigmoid4j.internal.kernel.KernelProvider;

/** Chooses the matrix-product implementation once, with the same decision procedure as the kernels. */
public final class GemmProvider {

    private GemmProvider() {}

    private static final class Holder {
        static final String[] WHY = new String[1];
        static final GemmSupport IMPL = select(WHY);
    }

    private static GemmSupport select(String[] why) {
        GemmSupport p = KernelProvider.loadPanama("org.sigmoid4j.internal.linalg.PanamaGemm", GemmSupport.class, why);
        return p != null ? p : ScalarGemm.INSTANCE;
    }

    public static GemmSupport gemm() {
        return Holder.IMPL;
    }

    /** Why the scalar products are in use, or {@code null} when the Panama ones are. */
    public static String fallbackReason() {
        return Holder.IMPL == ScalarGemm.INSTANCE ? Holder.WHY[0] : null;
    }

    /** The Panama implementation, or {@code null} where it cannot load (for cross-check tests). */
    public static GemmSupport panamaOrNull() {
        return KernelProvider.loadPanama("org.sigmoid4j.internal.linalg.PanamaGemm", GemmSupport.class, new String[1]);
    }
}
