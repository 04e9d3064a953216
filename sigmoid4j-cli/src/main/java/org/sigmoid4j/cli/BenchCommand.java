package org.sigmoid4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sigmoid4j bench ...}: measurements side by side with reference tools, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print sigmoid4j's figures beside the reference tools' (medians and ratios).",
        subcommands = {
                BenchKernelsCommand.class,
                CsvBenchCommand.class,
                BenchLrCommand.class,
                BenchMlpCommand.class,
                BenchMonitorCommand.class,
                CommandLine.HelpCommand.class,
        })
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
