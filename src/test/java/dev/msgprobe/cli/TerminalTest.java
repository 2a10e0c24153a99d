package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.cli.Terminal.ColorMode;
import dev.msgprobe.engine.Display;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
  private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

  @Test
  void autoOnATerminal_colours_butNotWithNoColorSet() {
    assertThat(Terminal.decide(ColorMode.auto, XTERM, true, true, 80).colour()).isTrue();
    assertThat(Terminal.decide(ColorMode.auto, Map.of("TERM", "xterm", "NO_COLOR", "1"), true, true, 80).colour()).isFalse();
  }

  @Test
  void emptyNoColor_doesNotCount() {
    assertThat(Terminal.decide(ColorMode.auto, Map.of("TERM", "xterm", "NO_COLOR", ""), true, true, 80).colour()).isTrue();
  }

  @Test
  void pipedStdout_isPlain_andAlwaysOrNeverOverrideEverything() {
    assertThat(Terminal.decide(ColorMode.auto, XTERM, false, true, 80).colour()).isFalse();
    assertThat(Terminal.decide(ColorMode.always, Map.of("NO_COLOR", "1"), false, false, 80).colour()).isTrue();
    assertThat(Terminal.decide(ColorMode.never, XTERM, true, true, 80).colour()).isFalse();
  }

  @Test
  void liveProgress_onlyOnAStderrTerminalThatIsNotDumb() {
    assertThat(Terminal.decide(ColorMode.auto, XTERM, false, true, 80).live()).isTrue();
    assertThat(Terminal.decide(ColorMode.auto, XTERM, true, false, 80).live()).isFalse();
    assertThat(Terminal.decide(ColorMode.auto, Map.of("TERM", "dumb"), true, true, 80).live()).isFalse();
    assertThat(Terminal.decide(ColorMode.auto, Map.of(), true, true, 80).live()).isFalse();
  }

  @Test
  void columnsEnvironmentVariable_givesTheWidth() {
    assertThat(Terminal.columns(Map.of("COLUMNS", "132"))).isEqualTo(132);
  }

  @Test
  void runWithColorNever_printsNoEscapeCodes() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--color", "never", "--no-doh",
        "--resolver-echo", "none", "--controls", "none", "--resolver", "127.0.0.1:9", "--timeout", "1",
        "-o", System.getProperty("java.io.tmpdir") + "/msgprobe-terminal-test-" + ProcessHandle.current().pid()
            + "-" + System.nanoTime() + ".jsonl", "tcp://127.0.0.1:9");

    assertThat(out.toString()).doesNotContain("\033[").contains("127.0.0.1");
    assertThat(err.toString()).doesNotContain("\033[");
  }

  @Test
  void colorOption_rejectsOtherWords() {
    StringWriter err = new StringWriter();

    int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run", "--color", "sometimes");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("--color").contains("auto, always, never");
  }

  @Test
  void displayWidth_isNeverBelowTwentyColumns() {
    assertThat(new Display(false, true, 3).width()).isEqualTo(20);
  }
}
