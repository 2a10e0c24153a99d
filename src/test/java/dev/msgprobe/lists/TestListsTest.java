package dev.msgprobe.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.msgprobe.model.Endpoint;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestListsTest {
  private static final String HEADER = "url,category_code,category_description,date_added,source,notes,"
      + "service,function,method,throughput\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void citizenLabSixColumnFile_isAValidList() throws Exception {
    Path ru = file("ru.csv", """
        url,category_code,category_description,date_added,source,notes
        https://ipvnews.org/,HATE,Hate Speech,2014-04-15,citizenlab,"blocked, critical of Putin"
        https://frant.me/,NEWS,News Media,2024-03-13,RKS,
        """);

    TestList list = TestLists.load(ru);

    assertThat(list.name()).isEqualTo("ru");
    assertThat(list.file()).isEqualTo(ru.toString());
    assertThat(list.endpoints()).containsExactly(
        new Endpoint("https://ipvnews.org/", "https", "ipvnews.org", 443, "/", "GET", "ru", "other", "ru", 2,
            "HATE", "Hate Speech", "2014-04-15", "citizenlab", "blocked, critical of Putin", false),
        new Endpoint("https://frant.me/", "https", "frant.me", 443, "/", "GET", "ru", "other", "ru", 3,
            "NEWS", "News Media", "2024-03-13", "RKS", null, false));
  }

  @Test
  void msgprobeColumns_setServiceFunctionMethodAndThroughput() throws Exception {
    Path f = file("mine.csv", HEADER
        + "http://149.154.175.50:443/,COMT,Communication Tools,2026-11-28,ooni,,Telegram,Chat,post,\n"
        + "https://mmg.whatsapp.net/,,,,,,whatsapp,media,,YES\n"
        + "tcp://e1.whatsapp.net:5222,,,,,,,,,no\n");

    List<Endpoint> endpoints = TestLists.load(f).endpoints();

    assertThat(endpoints).extracting(Endpoint::service, Endpoint::function, Endpoint::method, Endpoint::throughput)
        .containsExactly(
            tuple("telegram", "chat", "POST", false),
            tuple("whatsapp", "media", "GET", true),
            tuple("mine", "other", null, false));
  }

  @Test
  void columnsAreFoundByName_inAnyOrderAndCase_extraColumnsIgnored() throws Exception {
    Path f = file("x.csv", "Function,extra,URL\nweb,whatever,wss://ws-api.oneme.ru/websocket\n");

    Endpoint e = TestLists.load(f).endpoints().get(0);

    assertThat(e.url()).isEqualTo("wss://ws-api.oneme.ru/websocket");
    assertThat(e.function()).isEqualTo("web");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/websocket");
  }

  @Test
  void quotedFields_withCommasQuotesAndLineBreaks_areRead() throws Exception {
    Path f = file("q.csv", "url,notes,source\n"
        + "\"https://a.example/?x=1,2\",\"said \"\"hi\"\",\nthen left\",src\n"
        + "https://b.example/,plain,src\n");

    List<Endpoint> endpoints = TestLists.load(f).endpoints();

    assertThat(endpoints).extracting(Endpoint::url, Endpoint::notes, Endpoint::line).containsExactly(
        tuple("https://a.example/?x=1,2", "said \"hi\",\nthen left", 2),
        tuple("https://b.example/", "plain", 4));
    assertThat(endpoints.get(0).path()).isEqualTo("/?x=1,2");
  }

  @Test
  void byteOrderMark_andCrlf_andBlankLines_areTolerated() throws Exception {
    Path f = file("bom.csv", "\uFEFFurl,service\r\n\r\nhttps://a.example/,a\r\n   \r\nhttps://b.example/,b\r\n");

    assertThat(TestLists.load(f).endpoints()).extracting(Endpoint::url, Endpoint::line).containsExactly(
        tuple("https://a.example/", 3),
        tuple("https://b.example/", 5));
  }

  @Test
  void uriPerLineFile_withCommentsAndBlankLines_isAList() throws Exception {
    Path f = file("input.txt", """
        # OONI --input-file style

        https://web.whatsapp.com/
          tcp://e1.whatsapp.net:5222
        # end
        """);

    TestList list = TestLists.load(f);

    assertThat(list.name()).isEqualTo("input");
    assertThat(list.endpoints()).extracting(Endpoint::url, Endpoint::line, Endpoint::service).containsExactly(
        tuple("https://web.whatsapp.com/", 3, "input"),
        tuple("tcp://e1.whatsapp.net:5222", 4, "input"));
  }

  @Test
  void uriPerLineFile_withBom_isAList() throws Exception {
    Path f = file("b.txt", "\uFEFFhttps://a.example/\n");

    assertThat(TestLists.load(f).endpoints()).extracting(Endpoint::host).containsExactly("a.example");
  }

  @Test
  void everyRowProblem_isReportedWithFileAndLine_inLineOrder() throws Exception {
    Path f = file("bad.csv", HEADER
        + "ftp://a.example/,,,,,,,,,\n"                       // 2
        + ",,,,,x,,,,\n"                                      // 3
        + "tcp://e1.whatsapp.net,,,,,,,,,\n"                  // 4
        + "tcp://e1.whatsapp.net:70000,,,,,,,,,\n"            // 5
        + "https://a.example/,,,,,,,,GE T,\n"                 // 6
        + "tcp://a.example:443,,,,,,,,POST,\n"                // 7
        + "https://a.example/,,,,,,,,,maybe\n"                // 8
        + "tcp://a.example:443,,,,,,,,,yes\n"                 // 9
        + "https://b.example/,,,2026-13-01,,,,,,\n"           // 10
        + "https://c.example/,,,\n"                           // 11
        + "https://d.example/,,,,,,,,,\n"                     // 12
        + "https://d.example:443/,,,,,,,,,\n"                 // 13
        + "https://d.example/,,,,,,,,HEAD,\n"                 // 14: another method, not a duplicate
        + "https://:443/,,,,,,,,,\n"                          // 15
        + "https://e.example/,,,,,,,,\"POST\"x,\n"            // 16
        + "http://f.example/,,,,,,,,bad/method,nope\n");      // 17

    String p = f.toString();
    assertThat(ListErrors.of(() -> TestLists.load(f))).containsExactly(
        p + ":2: unsupported scheme 'ftp' (expected https, http, tls, tcp, wss, dns, quic, stun)",
        p + ":3: empty url",
        p + ":4: tcp needs a port, e.g. tcp://e1.whatsapp.net:443",
        p + ":5: port 70000 out of range (1-65535)",
        p + ":6: bad method 'GE T' (expected an HTTP method such as GET, POST or HEAD)",
        p + ":7: method 'POST' applies only to http and https urls, not tcp",
        p + ":8: throughput 'maybe' is not yes or no",
        p + ":9: throughput needs an http or https url (it downloads the url), not tcp",
        p + ":10: date_added '2026-13-01' is not a date as YYYY-MM-DD",
        p + ":11: expected 10 columns as in the header, found 4",
        p + ":13: duplicate of line 12 (https://d.example:443/ GET)",
        p + ":15: missing host",
        p + ":16: text after the closing quote of a quoted field",
        p + ":17: bad method 'bad/method' (expected an HTTP method such as GET, POST or HEAD)",
        p + ":17: throughput 'nope' is not yes or no");
  }

  @Test
  void uriPerLineProblems_carryTheirLines() throws Exception {
    Path f = file("u.txt", "https://a.example/\n# c\ntcp://b.example\n\nhttps://a.example/\n");

    assertThat(ListErrors.of(() -> TestLists.load(f))).containsExactly(
        f + ":3: tcp needs a port, e.g. tcp://b.example:443",
        f + ":5: duplicate of line 1 (https://a.example/ GET)");
  }

  @Test
  void headerWithoutUrlColumn_isOneError() throws Exception {
    Path f = file("h.csv", "\nlink,category\nhttps://a.example/,NEWS\n\"broken\n");

    assertThat(ListErrors.of(() -> TestLists.load(f))).containsExactly(
        f + ":2: not a test list: the first line is neither a URI nor a CSV header with a url column "
            + "('link,category')");
  }

  @Test
  void repeatedColumnInHeader_isAnError() throws Exception {
    Path f = file("r.csv", "url,service,service\nhttps://a.example/,a,b\n");

    assertThat(ListErrors.of(() -> TestLists.load(f)))
        .containsExactly(f + ":1: column service appears more than once in the header");
  }

  @Test
  void listWithoutEndpoints_isAnError() throws Exception {
    Path header = file("h.csv", "url,notes\n");
    Path comments = file("c.txt", "# nothing yet\n\n");

    assertThat(ListErrors.of(() -> TestLists.load(header))).containsExactly(header + ": no endpoints in the list");
    assertThat(ListErrors.of(() -> TestLists.load(comments))).containsExactly(comments + ": no endpoints in the list");
  }

  @Test
  void latin1Text_isRefusedAtItsLineWithHowToSaveAsUtf8() throws Exception {
    Path f = Files.write(dir.resolve("latin1.csv"), "url\nhttps://a.example/\nhttps://caf\u00e9.example/\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(ListErrors.of(() -> TestLists.load(f))).singleElement().asString()
        .startsWith(f + ":3: not valid UTF-8 (byte offset 34) nor Russian text in Windows-1251;")
        .contains("CSV UTF-8 (Comma delimited)", "Unicode (UTF-8)");
  }

  @Test
  void excelCsvFromARussianLocale_semicolonsAndWindows1251_isRead() throws Exception {
    String text = "url;service;function;notes\r\n"
        + "https://web.telegram.org/;telegram;web;\u0412\u0435\u0431-\u0432\u0435\u0440\u0441\u0438\u044f \u00ab\u0422\u0435\u043b\u0435\u0433\u0440\u0430\u043c\u0430\u00bb\r\n"
        + "\"tcp://149.154.175.50:443\";telegram;chat;\"\u0414\u0426 2; \u043e\u0441\u043d\u043e\u0432\u043d\u043e\u0439\"\r\n";
    Path f = Files.write(dir.resolve("excel.csv"), text.getBytes(Charset.forName("windows-1251")));

    TestList list = TestLists.load(f);

    assertThat(list.endpoints()).extracting(Endpoint::url, Endpoint::function, Endpoint::notes).containsExactly(
        tuple("https://web.telegram.org/", "web", "\u0412\u0435\u0431-\u0432\u0435\u0440\u0441\u0438\u044f \u00ab\u0422\u0435\u043b\u0435\u0433\u0440\u0430\u043c\u0430\u00bb"),
        tuple("tcp://149.154.175.50:443", "chat", "\u0414\u0426 2; \u043e\u0441\u043d\u043e\u0432\u043d\u043e\u0439"));
  }

  @Test
  void utf8WithSemicolons_isReadToo() throws Exception {
    Path f = file("semi.csv", "\uFEFFurl;service\nhttps://web.whatsapp.com/;whatsapp\n");

    assertThat(TestLists.load(f).endpoints()).extracting(Endpoint::service).containsExactly("whatsapp");
  }

  @Test
  void windows1251ThatIsNotRussianText_isRefused() {
    byte[] mixed = "url\nhttps://a.example/?q=\u00c0x\n".getBytes(Charset.forName("windows-1251"));

    assertThat(ListEncoding.looksLikeWindows1251(mixed)).isFalse();
  }

  @Test
  void missingFile_isAnErrorNamingIt() {
    Path f = dir.resolve("absent.csv");

    assertThat(ListErrors.of(() -> TestLists.load(f))).containsExactly(f + ": no such file");
  }

  @Test
  void open_takesBuiltInNamesInAnyCase_orFiles_elseNamesTheArgument() throws Exception {
    Path f = file("mine.txt", "https://a.example/\n");

    assertThat(TestLists.open("WhatsApp").name()).isEqualTo("whatsapp");
    assertThat(TestLists.open("controls").file()).isEqualTo("test-lists/controls.csv");
    assertThat(TestLists.open(f.toString()).endpoints()).hasSize(1);
    assertThat(ListErrors.of(() -> TestLists.open("signal"))).containsExactly(
        "signal: not a built-in list (whatsapp, telegram, max, controls) or an existing file");
  }

  @Test
  void builtIn_unknownName_isAnError() {
    assertThat(ListErrors.of(() -> TestLists.builtIn("signal")))
        .containsExactly("signal: no such built-in list (built-in: whatsapp, telegram, max, controls)");
  }
}
