package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command a user can reach answers {@code --help} with its usage on stdout and exit 0,
 * and rejects an unknown option with exit 2 and a pointer to {@code --help}. The command tree is walked from picocli's
 * own model, so a command added later is covered without editing this test.
 */
class HelpTest {

    private static List<List<String>> commandPaths(CommandLine cl, List<String> prefix, List<List<String>> acc) {
        acc.add(prefix);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandSpec().name().equals(name)) {
                List<String> p = new ArrayList<>(prefix);
                p.add(name);
                commandPaths(sub, p, acc);
            }
        });
        return acc;
    }

    @Test
    void everyCommandHasHelpAndRejectsUnknownOptions() {
        List<List<String>> paths = commandPaths(Main.commandLine(), List.of(), new ArrayList<>());
        assertTrue(paths.size() >= 15, "expected the whole command tree, got " + paths);
        for (List<String> path : paths) {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            Cli r = Cli.run(help.toArray(String[]::new));
            assertEquals(ExitCodes.OK, r.code(), String.join(" ", help) + "\n" + r);
            assertTrue(r.out().contains("Usage: sigmoid4j"), String.join(" ", help) + "\n" + r);

            List<String> bad = new ArrayList<>(path);
            bad.add("--no-such-option");
            Cli b = Cli.run(bad.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, b.code(), String.join(" ", bad) + "\n" + b);
            // picocli reports a missing required parameter (e.g. fn's NAME) before an unknown option
            assertTrue(b.err().contains("--no-such-option") || b.err().contains("Missing required"),
                    String.join(" ", bad) + "\n" + b);
            assertTrue(b.err().contains("--help"), "points to --help: " + b);
        }
    }
}
