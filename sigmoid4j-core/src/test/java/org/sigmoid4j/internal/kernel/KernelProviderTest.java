package org.sigmoid4j.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.kernel.KernelInfo;
import org.sigmoid4j.kernel.Kernels;

/**
 * The provider tells the truth about what it chose. Runs in the default execution (with the
 * Vector API) and in the {@code scalar-fallback} execution (without it), so both branches are
 * checked against the JVM's own module layer, an independent witness.
 */
@Tag("kernels")
class KernelProviderTest {

    @Test
    void choiceMatchesTheModuleLayer() {
        KernelInfo info = Kernels.info();
        boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean forcedScalar = "scalar".equals(System.getProperty(KernelProvider.PROPERTY));
        if (vectorApi && !forcedScalar) {
            assertEquals("panama", info.implementation(), info.describe());
            assertTrue(info.vectorBitSize() >= 128, info.describe());
            assertNull(info.fallbackReason());
            Integer forced = Integer.getInteger(KernelProvider.VECTOR_BITS_PROPERTY);
            if (forced != null) {
                assertEquals(forced.intValue(), info.vectorBitSize());
            }
        } else {
            assertEquals("scalar", info.implementation());
            assertEquals(0, info.vectorBitSize());
            assertTrue(info.describe().contains(forcedScalar ? "forced" : "--add-modules jdk.incubator.vector"),
                    info.describe());
        }
    }
}
