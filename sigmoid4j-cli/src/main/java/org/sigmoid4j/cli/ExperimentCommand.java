package org.sigmoid4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.experiments.ActivationsExperiment;
import org.sigmoid4j.experiments.ExperimentResult;
import org.sigmoid4j.experiments.Mnist;
import org.sigmoid4j.experiments.NielsenExperiment;
import org.sigmoid4j.report.ExperimentReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sigmoid4j experiment nielsen|activations}: the vanishing-gradient experiments, one command each. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproducible experiments on MNIST-10k that show the vanishing gradient (tables on stdout, --json, an HTML report).",
        subcommands = {
                ExperimentCommand.Nielsen.class,
                ExperimentCommand.Activations.class,
                CommandLine.HelpCommand.class,
        })
final class ExperimentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Options every experiment takes. */
    static final class Common {
        @Option(names = "--data", paramLabel = "FILE",
                description = "mnist-10k.csv.gz (default: shared/data/mnist-10k.csv.gz found in the current directory's or the checkout's parents, reported on stderr).")
        Path data;

        @Option(names = "--split", paramLabel = "FILE", description = "The split file (default: mnist-10k.split.json beside the data).")
        Path split;

        @Option(names = "--json", description = "Print the per-epoch, per-layer records as JSON on stdout (schema in the README) instead of the tables.")
        boolean json;

        @Option(names = "--report", paramLabel = "HTML", description = "Where to write the HTML report (default: experiment-NAME.html in the current directory).")
        Path report;

        @Option(names = "--no-report", description = "Do not write the HTML report.")
        boolean noReport;

        @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
        boolean quiet;
    }

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        abstract String name();

        abstract ExperimentResult run(Mnist data, Path dataFile, Consumer<String> progress) throws Exception;

        /** Validates the experiment's own options; returns an error message or null. */
        abstract String validate();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
            String bad = validate();
            if (bad != null) {
                err.println("error: " + bad);
                return ExitCodes.USAGE;
            }
            Path data = common.data;
            if (data == null) {
                data = locate();
                if (data == null) {
                    err.println("error: MNIST-10k not found: pass --data PATH/mnist-10k.csv.gz (and --split FILE unless mnist-10k.split.json is beside it).");
                    return ExitCodes.USAGE;
                }
                if (!common.quiet) err.println(name() + ": using " + data + " (found beside the checkout; --data FILE to choose)");
            }
            Path split = common.split != null ? common.split : Mnist.splitBeside(data);
            Path reportPath = common.noReport ? null : common.report != null ? common.report : Paths.get("experiment-" + name() + ".html");
            if (reportPath != null) {
                Path dir = reportPath.toAbsolutePath().getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    err.println("error: --report " + reportPath + ": the directory " + dir + " does not exist");
                    return ExitCodes.USAGE;
                }
            }
            Mnist mnist;
            try {
                mnist = Mnist.load(data, split);
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.DATA;
            } catch (IllegalArgumentException | org.sigmoid4j.data.DataException | java.io.UncheckedIOException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.DATA;
            }
            Consumer<String> progress = common.quiet ? s -> {} : s -> {
                err.println(name() + ": " + s);
                err.flush();
            };
            ExperimentResult result;
            try {
                result = run(mnist, data, progress);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (Exception e) {
                err.println("error: " + name() + " failed: " + e);
                return ExitCodes.ERROR;
            }
            if (common.json) {
                out.println(Json.write(result.toJson()));
            } else {
                out.println(result.verdict().headline());
                for (String f : result.verdict().findings()) out.println("  - " + f);
                out.println();
                for (ExperimentResult.Table t : result.tables()) {
                    out.println(t.toText());
                }
            }
            out.flush();
            if (reportPath != null) {
                try {
                    Path written = ExperimentReport.of(result).write(reportPath);
                    err.println(name() + ": report written to " + written);
                } catch (IOException e) {
                    err.println("error: cannot write the report " + reportPath + ": " + e.getMessage());
                    return ExitCodes.ERROR;
                }
            }
            err.flush();
            return ExitCodes.OK;
        }

        /** shared/data/mnist-10k.csv.gz in a parent of the current directory or of the CLI jar's checkout. */
        static Path locate() {
            Path p = Mnist.locateShared(Paths.get(""));
            if (p != null) return p;
            try {
                Path jar = Paths.get(ExperimentCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Mnist.locateShared(jar);
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                return null;
            }
        }
    }

    @Command(name = "nielsen", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Vanishing gradients in deep sigmoid nets, as in Nielsen's 'Neural Networks and Deep Learning', ch. 5.",
                    "Per-layer bias-gradient norms of [784,30,30,10], [784,30,30,30,10], [784,30,30,30,30,10] on the first "
                            + "1000 training rows; full-batch GD (eta 0.1, lambda 5), per-output cross-entropy; printed beside "
                            + "the book's values at initialisation."})
    static final class Nielsen extends Base {
        @Option(names = "--epochs", defaultValue = "" + NielsenExperiment.DEFAULT_EPOCHS, description = "Training epochs (full-batch steps), default ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--rows", defaultValue = "" + NielsenExperiment.DEFAULT_ROWS, description = "Training rows (first of the split file), default ${DEFAULT-VALUE}.")
        int rows;

        @Option(names = "--seeds", defaultValue = "" + NielsenExperiment.DEFAULT_SEEDS, description = "Seeds (1..N) for the statistics at initialisation, default ${DEFAULT-VALUE}.")
        int seeds;

        @Option(names = "--train-seeds", defaultValue = "" + NielsenExperiment.DEFAULT_TRAIN_SEEDS, description = "How many of those seeds are trained for --epochs, default ${DEFAULT-VALUE}.")
        int trainSeeds;

        @Override
        String name() {
            return "nielsen";
        }

        @Override
        String validate() {
            if (epochs < 0) return "--epochs must be ≥ 0, got " + epochs;
            if (rows < 1) return "--rows must be ≥ 1, got " + rows;
            if (seeds < 1) return "--seeds must be ≥ 1, got " + seeds;
            if (trainSeeds < 0 || trainSeeds > seeds) return "--train-seeds must be in 0.." + seeds + ", got " + trainSeeds;
            return null;
        }

        @Override
        ExperimentResult run(Mnist data, Path dataFile, Consumer<String> progress) {
            return NielsenExperiment.run(data, new NielsenExperiment.Options(epochs, rows, seeds, trainSeeds, dataFile.getFileName().toString()), progress);
        }
    }

    @Command(name = "activations", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Sigmoid, tanh, ReLU, sigmoid + batch norm and adaptive sigmoid compared on MNIST-10k.",
                    "[784, 64x6, 10] (split file), softmax cross-entropy, batch 32, each with SGD (lr 0.1) and Adam "
                            + "(lr 1e-3); per epoch: test accuracy, training loss, gradient ratio first/last hidden layer, "
                            + "saturation."})
    static final class Activations extends Base {
        @Option(names = "--epochs", defaultValue = "" + ActivationsExperiment.DEFAULT_EPOCHS, description = "Epochs, default ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--rows", description = "Use only the first N training rows (default: all 8000).")
        Integer rows;

        @Option(names = "--test-rows", description = "Use only the first N test rows (default: all 2000).")
        Integer testRows;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation and shuffling, default ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--variants", split = ",", paramLabel = "V",
                description = "Variants to run (default: all): sigmoid, tanh, relu, sigmoid+bn, adaptive-sigmoid.")
        java.util.List<String> variants;

        @Option(names = "--optimizers", split = ",", paramLabel = "O", description = "Optimisers to run (default: both): sgd, adam.")
        java.util.List<String> optimizers;

        @Override
        String name() {
            return "activations";
        }

        @Override
        String validate() {
            if (epochs < 1) return "--epochs must be ≥ 1, got " + epochs;
            if (rows != null && rows < 1) return "--rows must be ≥ 1, got " + rows;
            if (testRows != null && testRows < 1) return "--test-rows must be ≥ 1, got " + testRows;
            if (variants != null) {
                for (String v : variants) {
                    if (!ActivationsExperiment.VARIANTS.contains(v)) return "unknown variant '" + v + "'; expected one of " + ActivationsExperiment.VARIANTS;
                }
            }
            if (optimizers != null) {
                for (String o : optimizers) {
                    if (!ActivationsExperiment.OPTIMIZERS.contains(o)) return "unknown optimizer '" + o + "'; expected one of " + ActivationsExperiment.OPTIMIZERS;
                }
            }
            return null;
        }

        @Override
        ExperimentResult run(Mnist data, Path dataFile, Consumer<String> progress) {
            Mnist d = data;
            if (rows != null) d = d.firstTrain(rows);
            if (testRows != null) d = d.firstTest(testRows);
            return ActivationsExperiment.run(d, new ActivationsExperiment.Options(epochs, seed,
                    variants == null ? ActivationsExperiment.VARIANTS : variants,
                    optimizers == null ? ActivationsExperiment.OPTIMIZERS : optimizers, dataFile.getFileName().toString()), progress);
        }
    }
}
