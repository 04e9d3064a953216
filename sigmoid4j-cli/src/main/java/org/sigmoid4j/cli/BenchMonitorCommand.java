package org.sigmoid4j.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sigmoid4j.diagnostics.GradientMonitor;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.experiments.ActivationsExperiment;
import org.sigmoid4j.experiments.Mnist;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;
import org.sigmoid4j.train.Examples;
import org.sigmoid4j.train.NetworkTrainer;
import org.sigmoid4j.train.TrainingConfig;
import org.sigmoid4j.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sigmoid4j bench monitor}: what the GradientMonitor costs, training with and without it. */
@Command(name = "monitor", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The cost of the gradient diagnostics.",
                "CPU time of training [784, 64x6, 10] (batch 32, SGD, MNIST-10k) with and without the GradientMonitor, "
                        + "alternating runs, median of --reps after one warm-up pair."})
final class BenchMonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "mnist-10k.csv.gz (default: found as for 'experiment').")
    Path data;

    @Option(names = "--split", paramLabel = "FILE", description = "The split file (default: beside the data).")
    Path split;

    @Option(names = "--variants", split = ",", defaultValue = "sigmoid,tanh,relu,sigmoid+bn", description = "Variants (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--reps", defaultValue = "7", description = "Measured pairs per variant (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--json", description = "Print records {variant, epochs, rows, seconds_without, seconds_with, overhead} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (epochs < 1 || reps < 1) throw new UsageException("--epochs and --reps must be ≥ 1");
        for (String v : variants) {
            if (!ActivationsExperiment.VARIANTS.contains(v)) throw new UsageException("unknown variant '" + v + "'; expected one of " + ActivationsExperiment.VARIANTS);
        }
        Path file = data != null ? data : ExperimentCommand.Base.locate();
        if (file == null) throw new UsageException("MNIST-10k not found: pass --data PATH/mnist-10k.csv.gz");
        Mnist m = Mnist.load(file, split != null ? split : Mnist.splitBeside(file));
        Examples train = Examples.ofLabels(m.trainX(), m.trainRows(), Mnist.PIXELS, m.trainY());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Map<String, Object>> records = new ArrayList<>();
        for (String v : variants) {
            double[] with = new double[reps], without = new double[reps];
            for (int r = -1; r < reps; r++) {
                for (int monitored = 0; monitored < 2; monitored++) {
                    Network net = ActivationsExperiment.network(v, 1);
                    TrainingListener[] ls = monitored == 1 ? new TrainingListener[] {new GradientMonitor()} : new TrainingListener[0];
                    long t0 = mx.getCurrentThreadCpuTime();
                    NetworkTrainer.train(net, Loss.SOFTMAX_CE, Sgd.plain(WeightDecay.NONE), TrainingConfig.of(epochs, 32, 0.1, 1), train, null, ls);
                    double s = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                    if (r >= 0) (monitored == 1 ? with : without)[r] = s;
                }
            }
            Arrays.sort(with);
            Arrays.sort(without);
            double a = without[reps / 2], b = with[reps / 2];
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("variant", v);
            rec.put("epochs", epochs);
            rec.put("rows", m.trainRows());
            rec.put("seconds_without", a);
            rec.put("seconds_with", b);
            rec.put("overhead", b / a - 1);
            records.add(rec);
            if (!json) {
                out.printf(Locale.ROOT, "%-18s %d epochs x %d rows: CPU %.3f s without, %.3f s with the monitor: %+.1f%%%n", v, epochs,
                        m.trainRows(), a, b, 100 * (b / a - 1));
                out.flush();
            }
        }
        if (json) out.println(Json.write(records));
        err.flush();
        return ExitCodes.OK;
    }
}
