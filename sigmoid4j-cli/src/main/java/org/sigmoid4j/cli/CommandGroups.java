package org.sigmoid4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Groups the subcommands by task in {@code sigmoid4j --help}. A command not listed here appears
 * under "Other"; add a new command's name to its group.
 */
final class CommandGroups {
    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Modelling", List.of("train", "evaluate", "predict", "summary"));
        GROUPS.put("Functions", List.of("fn"));
        GROUPS.put("Inspection", List.of("info", "report"));
        GROUPS.put("Experiments and benchmarks", List.of("experiment", "bench"));
    }

    private CommandGroups() {}

    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandGroups::render);
    }

    private static String render(Help help) {
        Map<String, Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        List<String> done = new ArrayList<>();
        for (var g : GROUPS.entrySet()) {
            section(b, help, subs, g.getKey(), g.getValue(), done);
        }
        List<String> rest = new ArrayList<>();
        for (String n : subs.keySet()) {
            if (!done.contains(n)) {
                rest.add(n);
            }
        }
        section(b, help, subs, "Other", rest, done);
        return b.toString();
    }

    private static void section(StringBuilder b, Help help, Map<String, Help> subs, String title, List<String> names,
                                List<String> done) {
        Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(15, 2, Help.Column.Overflow.SPAN),
                new Help.Column(help.commandSpec().usageMessage().width() - 15, 2, Help.Column.Overflow.WRAP));
        boolean any = false;
        for (String n : names) {
            Help h = subs.get(n);
            if (h == null || done.contains(n)) {
                continue;
            }
            done.add(n);
            any = true;
            String[] d = h.commandSpec().usageMessage().header();
            if (d.length == 0) {
                d = h.commandSpec().usageMessage().description();
            }
            String first = d.length > 0 ? d[0].replace("%n", "").strip() : "";
            int dot = first.indexOf(". ");
            table.addRowValues(help.colorScheme().commandText(n).toString(), dot > 0 ? first.substring(0, dot + 1) : first);
        }
        if (any) {
            b.append(title).append(":%n".formatted()).append(table);
        }
    }
}
