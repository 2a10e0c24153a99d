package dev.msgprobe.cli;

import static dev.msgprobe.testing.MarkdownTables.all;
import static dev.msgprobe.testing.MarkdownTables.rows;
import static dev.msgprobe.testing.MarkdownTables.section;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/contract/cli.md against the commands and options the program accepts. */
class CliContractDocTest {
  private static final String DOC = "docs/contract/cli.md";
  private static final Pattern LONG_OPTION = Pattern.compile("--[a-z][a-z-]*");
  private static final CommandLine MSGPROBE =
      Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

  @ParameterizedTest
  @ValueSource(strings = {"run", "lists", "report", "compare", "helper"})
  void optionTable_isExactlyTheCommandsOptions(String command) {
    assertThat(documentedOptions("## `" + command + "` options")).containsExactlyElementsOf(options(command));
  }

  @Test
  void globalOptionTable_isExactlyTheOptionsEveryCommandInherits() {
    Set<String> inherited = new TreeSet<>();
    for (OptionSpec option : MSGPROBE.getCommandSpec().options()) {
      if (option.scopeType() == CommandLine.ScopeType.INHERIT) {
        inherited.add(option.longestName());
      }
    }

    assertThat(documentedOptions("## Global options")).isNotEmpty().isEqualTo(inherited);
    for (CommandLine command : MSGPROBE.getSubcommands().values()) {
      assertThat(command.getCommandSpec().optionsMap().keySet()).as(command.getCommandName()).containsAll(inherited);
    }
  }

  @Test
  void commandTable_marksExactlyTheExistingCommandsImplemented() {
    Set<String> implemented = new TreeSet<>();
    Set<String> planned = new TreeSet<>();
    for (List<String> row : rows(section(DOC, "## Commands"))) {
      String[] words = row.get(0).replace("`", "").split(" ");
      if (words[1].startsWith("-")) {
        continue;
      }
      (row.get(2).equals("implemented") ? implemented : planned).add(words[1]);
    }
    Set<String> existing = new TreeSet<>(MSGPROBE.getSubcommands().keySet());
    existing.remove("help");

    assertThat(implemented).isEqualTo(existing);
    assertThat(planned).doesNotContainAnyElementsOf(existing);
  }

  @Test
  void exitStatusTable_isExactlyTheExitCodes() throws IllegalAccessException {
    List<Integer> documented = rows(section(DOC, "## Exit status")).stream()
        .map(row -> Integer.parseInt(row.get(0))).toList();
    List<Integer> codes = new ArrayList<>();
    for (Field f : ExitCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        f.setAccessible(true);
        codes.add(f.getInt(null));
      }
    }

    assertThat(documented).containsExactlyInAnyOrderElementsOf(codes);
  }

  private static Set<String> documentedOptions(String heading) {
    Set<String> names = new TreeSet<>();
    for (List<String> row : rows(section(DOC, heading))) {
      names.addAll(all(LONG_OPTION, row.get(0)));
    }
    return names;
  }

  /** The long names of a command's own options: help, version and the global options left out. */
  private static Set<String> options(String command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : MSGPROBE.getSubcommands().get(command).getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp() && !option.inherited()) {
        names.add(option.longestName());
      }
    }
    return names;
  }
}
