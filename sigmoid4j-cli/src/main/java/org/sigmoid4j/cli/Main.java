package org.sigmoid4j.cli;

import java.io.PrintWriter;
import org.sigmoid4j.Sigmoid4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code sigmoid4j} command line. */
@Command(name = "sigmoid4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "The sigmoid function family, logistic regression and neural networks.",
        footer = {"", ExitCodes.HELP_TEXT},
        subcommands = {
                TrainCommand.class,
                FnCommand.class,
                EvaluateCommand.class,
                PredictCommand.class,
                SummaryCommand.class,
                BenchCommand.class,
                InfoCommand.class,
                ExperimentCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command in-process; tests call this with captured writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        CommandGroups.install(cl);
        return cl
                .setExitCodeExceptionMapper(e -> ExitCodes.ERROR)
                .setExecutionExceptionHandler(Failures::handle)
                .setParameterExceptionHandler((ex, args) -> {
                    CommandLine c = ex.getCommandLine();
                    c.getErr().println("error: " + ex.getMessage());
                    c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
                    return ExitCodes.USAGE;
                });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sigmoid4j " + Sigmoid4j.version()};
        }
    }
}
