package dev.msgprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ListsCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new ListsCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  @Test
  void lists_printsEachBuiltInList_withCountsByServiceAndFunction() {
    int status = run();

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("whatsapp   46 endpoints  test-lists/whatsapp.csv%n  whatsapp: chat 34, registration 1, web 4, media 3, site 2, dns 1, calls 1"
            .formatted())
        .contains("telegram   34 endpoints  test-lists/telegram.csv%n  telegram: chat 16, web 7, site 6, api 1, calls 4".formatted())
        .contains("max         9 endpoints  test-lists/max.csv%n  max: api 2, web 4, site 1, calls 2".formatted())
        .contains("controls    9 endpoints  test-lists/controls.csv%n  control: domestic 4, foreign 5".formatted());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void show_printsATableOfTheListsEndpoints() {
    int status = run("show", "MAX");

    assertThat(status).isZero();
    assertThat(out.toString().lines()).containsExactly(
        "max: 9 endpoints (test-lists/max.csv)",
        "",
        "URL                              SERVICE  FUNCTION  METHOD  THROUGHPUT",
        "tls://api.oneme.ru:443           max      api       -",
        "wss://ws-api.oneme.ru/websocket  max      web       GET",
        "wss://api.oneme.ru/websocket     max      web       GET",
        "https://web.max.ru/              max      web       GET",
        "https://max.ru/                  max      site      GET",
        "https://platform-api.max.ru/     max      api       GET",
        "quic://web.max.ru:443            max      web       -",
        "tls://calls.okcdn.ru:443         max      calls     -",
        "wss://videowebrtc.okcdn.ru/ws2   max      calls     GET");
  }

  @Test
  void show_marksThroughputEndpoints() {
    run("show", "controls");

    assertThat(out.toString()).containsPattern("https://ya.ru/ +control +domestic +GET +yes");
  }

  @Test
  void show_readsAListFile() throws Exception {
    Path f = Files.writeString(dir.resolve("mine.txt"), "tcp://e1.whatsapp.net:5222\n");

    assertThat(run("show", f.toString())).isZero();
    assertThat(out.toString()).contains("mine: 1 endpoint (" + f + ")", "tcp://e1.whatsapp.net:5222  mine");
  }

  @Test
  void show_unknownName_isBadInputOnStderr() {
    assertThat(run("show", "signal")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("signal: not a built-in list (whatsapp, telegram, max, controls) or an existing file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void validate_goodFiles_printsCountsAndExitsZero() throws Exception {
    Path a = Files.writeString(dir.resolve("a.csv"), "url,method\nhttp://149.154.175.50/,POST\nhttps://t.me/,\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "# one\ndns://whatsapp.com\n");

    assertThat(run("validate", a.toString(), b.toString())).isZero();
    assertThat(out.toString().lines()).containsExactly(a + ": 2 endpoints OK", b + ": 1 endpoint OK");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validate_badFile_printsEveryErrorOnStderr_andExitsTwo() throws Exception {
    Path good = Files.writeString(dir.resolve("good.txt"), "https://t.me/\n");
    Path bad = Files.writeString(dir.resolve("bad.txt"), "tcp://a.example\nhttps://t.me/\nftp://x/\n");

    assertThat(run("validate", bad.toString(), good.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(
        bad + ":1: tcp needs a port, e.g. tcp://a.example:443",
        bad + ":3: unsupported scheme 'ftp' (expected https, http, tls, tcp, wss, dns, quic, stun)");
    assertThat(out.toString().lines()).containsExactly(good + ": 1 endpoint OK");
  }

  @Test
  void validate_withoutFiles_isAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void help_listsTheSubcommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("show", "validate");
  }
}
