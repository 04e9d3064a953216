package org.sigmoid4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Trains a model. Until logistic regression lands this says so plainly and prints nothing fake. */
@Command(name = "train", description = "Train a model (default: logistic regression on the bundled Spambase data).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("sigmoid4j train: not yet available (logistic regression is being built).");
        spec.commandLine().getErr().flush();
        return ExitCodes.ERROR;
    }
}
