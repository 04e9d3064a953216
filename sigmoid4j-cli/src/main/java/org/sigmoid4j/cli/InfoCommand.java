package org.sigmoid4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sigmoid4j.Sigmoid4j;
import org.sigmoid4j.kernel.KernelInfo;
import org.sigmoid4j.kernel.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints what anyone debugging "SIMD doesn't work" asks first. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show the library version, JDK, OS, CPU and active kernel implementation.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KernelInfo k = Kernels.info();
        var out = spec.commandLine().getOut();
        out.println("sigmoid4j " + Sigmoid4j.version());
        out.println("jdk       " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        out.println("os        " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.println("cpu       " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        out.println("kernels   " + k.describe());
        out.flush();
        return ExitCodes.OK;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }
}
