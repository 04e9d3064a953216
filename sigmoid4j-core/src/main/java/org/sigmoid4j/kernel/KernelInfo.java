package org.sigmoid4j.kernel;

/**
 * Which bulk-kernel implementation this JVM uses, and why.
 *
 * @param implementation {@code "panama"} (SIMD through {@code jdk.incubator.vector}) or {@code "scalar"}
 * @param vectorBitSize  the SIMD register width the Panama kernels use, or 0 for scalar
 * @param fallbackReason why the scalar kernels are in use (with the fix), or {@code null} for Panama
 */
public record KernelInfo(String implementation, int vectorBitSize, String fallbackReason) {

    public boolean isSimd() {
        return vectorBitSize > 0;
    }

    /** One line for logs, provenance and {@code sigmoid4j info}. */
    public String describe() {
        return isSimd()
                ? "panama (SIMD, " + vectorBitSize + "-bit vectors)"
                : "scalar (" + fallbackReason + ")";
    }
}
