package org.sigmoid4j.internal.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Logger;
import org.sigmoid4j.kernel.KernelInfo;

/**
 * Chooses the kernel implementation once per JVM (holder idiom) and says why.
 *
 * <ol>
 *   <li>{@code -Dsigmoid4j.kernels=scalar} forces the scalar kernels.</li>
 *   <li>Without {@code jdk.incubator.vector} in the boot layer: scalar, and the fix is named.</li>
 *   <li>Otherwise the Panama class is loaded reflectively, so that this class, and every caller,
 *       links without the incubator module. A constructor that throws
 *       {@link UnsupportedOperationException} (vectors too narrow, C2 off) means scalar.</li>
 * </ol>
 * {@code -Dsigmoid4j.kernels=panama} makes a failure to load the Panama kernels an error instead
 * of a fallback. The test-only property {@code sigmoid4j.tests.vectorBits} narrows the species.
 */
public final class KernelProvider {

    public static final String PROPERTY = "sigmoid4j.kernels";
    public static final String VECTOR_BITS_PROPERTY = "sigmoid4j.tests.vectorBits";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());

    private KernelProvider() {}

    private static final class Holder {
        static final Selection SELECTION = select();
    }

    private record Selection(KernelSupport kernels, KernelInfo info) {}

    public static KernelSupport kernels() {
        return Holder.SELECTION.kernels();
    }

    public static KernelInfo info() {
        return Holder.SELECTION.info();
    }

    /** True when {@code jdk.incubator.vector} is resolved in this JVM's boot layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * Loads a Panama implementation class by name and instantiates it with its no-argument
     * constructor, or returns {@code null} with the reason in {@code why[0]}. Other SIMD code
     * (matrix kernels) uses the same loader so that there is one decision procedure.
     */
    public static <T> T loadPanama(String className, Class<T> type, String[] why) {
        String mode = System.getProperty(PROPERTY, "auto");
        if (mode.equals("scalar")) {
            why[0] = "forced by -D" + PROPERTY + "=scalar";
            return null;
        }
        if (!vectorModulePresent()) {
            why[0] = "the Vector API is not enabled; pass --add-modules " + VECTOR_MODULE + " to java";
            return failOrNull(mode, why[0]);
        }
        try {
            Class<?> c = Class.forName(className);
            Object o = MethodHandles.lookup().findConstructor(c, MethodType.methodType(void.class)).invoke();
            return type.cast(o);
        } catch (UnsupportedOperationException e) {
            why[0] = e.getMessage();
            return failOrNull(mode, why[0]);
        } catch (Throwable e) {
            why[0] = "could not load " + className + ": " + e;
            return failOrNull(mode, why[0]);
        }
    }

    private static <T> T failOrNull(String mode, String why) {
        if (mode.equals("panama")) {
            throw new IllegalStateException("-D" + PROPERTY + "=panama, but " + why);
        }
        return null;
    }

    private static Selection select() {
        String[] why = new String[1];
        KernelSupport panama = loadPanama("org.sigmoid4j.internal.kernel.PanamaKernels", KernelSupport.class, why);
        if (panama != null) {
            KernelInfo info = new KernelInfo(panama.name(), panama.vectorBitSize(), null);
            LOG.fine(() -> "sigmoid4j kernels: " + info.describe());
            return new Selection(panama, info);
        }
        KernelInfo info = new KernelInfo("scalar", 0, why[0]);
        LOG.fine(() -> "sigmoid4j kernels: " + info.describe());
        return new Selection(ScalarKernels.INSTANCE, info);
    }
}
