package dev.msgprobe.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  private final Problems problems = new Problems("f.csv");

  private List<Csv.Row> read(String text) {
    return Csv.read(text, problems);
  }

  @Test
  void plainFields_areSplitOnCommasAndTrimmed() {
    assertThat(read("a, b ,c\n1,2,3\n"))
        .containsExactly(new Csv.Row(1, List.of("a", "b", "c")), new Csv.Row(2, List.of("1", "2", "3")));
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void quotedFields_holdCommasDoubledQuotesAndLineBreaks() {
    List<Csv.Row> rows = read("url,notes\nhttps://a/,\"one, \"\"two\"\"\nthree\"\nhttps://b/,x\n");

    assertThat(rows).containsExactly(
        new Csv.Row(1, List.of("url", "notes")),
        new Csv.Row(2, List.of("https://a/", "one, \"two\"\nthree")),
        new Csv.Row(4, List.of("https://b/", "x")));
  }

  @Test
  void crlfAndLoneCr_endRecords_andLineNumbersFollow() {
    assertThat(read("a\r\nb\rc")).extracting(Csv.Row::line).containsExactly(1, 2, 3);
  }

  @Test
  void emptyFields_areKept_blankRecordsSkipped() {
    assertThat(read("a,,\n\n  \n,,\nb,c,\n"))
        .containsExactly(new Csv.Row(1, List.of("a", "", "")), new Csv.Row(5, List.of("b", "c", "")));
  }

  @Test
  void quoteInsideUnquotedField_isReportedAndRecordSkipped() {
    List<Csv.Row> rows = read("a,b\nx,y\"z\nc,d\n");

    assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 3);
    assertThat(problems.list())
        .containsExactly("f.csv:2: quote inside an unquoted field (quote the whole field and double the quote)");
  }

  @Test
  void textAfterClosingQuote_isReported() {
    read("\"a\"b,c\n");

    assertThat(problems.list()).containsExactly("f.csv:1: text after the closing quote of a quoted field");
  }

  @Test
  void unclosedQuote_isReportedAtTheLineItOpens() {
    List<Csv.Row> rows = read("a,b\nc,\"d\ne\n");

    assertThat(rows).extracting(Csv.Row::line).containsExactly(1);
    assertThat(problems.list()).containsExactly("f.csv:2: quoted field is not closed");
  }
}
