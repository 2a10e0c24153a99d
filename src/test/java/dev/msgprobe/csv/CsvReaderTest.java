package dev.msgprobe.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.csv.CsvReader.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private final List<String> problems = new ArrayList<>();

  private List<Row> read(String text) {
    return CsvReader.read(text, ',', (line, problem) -> problems.add(line + ": " + problem));
  }

  @Test
  void plainFields_areSplitOnCommasAndTrimmed() {
    assertThat(read("a, b ,c\n1,2,3\n"))
        .containsExactly(new Row(1, List.of("a", "b", "c")), new Row(2, List.of("1", "2", "3")));
    assertThat(problems).isEmpty();
  }

  @Test
  void quotedFields_holdCommasDoubledQuotesAndLineBreaks() {
    List<Row> rows = read("url,notes\nhttps://a/,\"one, \"\"two\"\"\nthree\"\nhttps://b/,x\n");

    assertThat(rows).containsExactly(
        new Row(1, List.of("url", "notes")),
        new Row(2, List.of("https://a/", "one, \"two\"\nthree")),
        new Row(4, List.of("https://b/", "x")));
  }

  @Test
  void crlfAndLoneCr_endRecords_andLineNumbersFollow() {
    assertThat(read("a\r\nb\rc")).extracting(Row::line).containsExactly(1, 2, 3);
  }

  @Test
  void emptyFields_areKept_blankRecordsSkipped() {
    assertThat(read("a,,\n\n  \n,,\nb,c,\n"))
        .containsExactly(new Row(1, List.of("a", "", "")), new Row(5, List.of("b", "c", "")));
  }

  @Test
  void quoteInsideUnquotedField_isReportedAndRecordSkipped() {
    List<Row> rows = read("a,b\nx,y\"z\nc,d\n");

    assertThat(rows).extracting(Row::line).containsExactly(1, 3);
    assertThat(problems)
        .containsExactly("2: quote inside an unquoted field (quote the whole field and double the quote)");
  }

  @Test
  void textAfterClosingQuote_isReported() {
    read("\"a\"b,c\n");

    assertThat(problems).containsExactly("1: text after the closing quote of a quoted field");
  }

  @Test
  void unclosedQuote_isReportedAtTheLineItOpens() {
    List<Row> rows = read("a,b\nc,\"d\ne\n");

    assertThat(rows).extracting(Row::line).containsExactly(1);
    assertThat(problems).containsExactly("2: quoted field is not closed");
  }

  @Test
  void semicolonSeparator_splitsOnSemicolons_andKeepsCommasInFields() {
    assertThat(CsvReader.read("url;notes\nhttps://a/;one, two\n\"x;y\";z\n", ';', (line, p) -> problems.add(p)))
        .containsExactly(new Row(1, List.of("url", "notes")), new Row(2, List.of("https://a/", "one, two")),
            new Row(3, List.of("x;y", "z")));
    assertThat(problems).isEmpty();
  }

  @Test
  void tabSeparator_isNotTrimmedAwayAroundQuotedFields() {
    assertThat(CsvReader.read("\"a\"\tb\n", '\t', (line, p) -> problems.add(p)))
        .containsExactly(new Row(1, List.of("a", "b")));
  }

  @Test
  void commentLines_areSkippedOnlyWhenAskedFor_andLineNumbersCountThem() {
    String text = "# note\na,b\n#x,y\nc,d\n";

    assertThat(CsvReader.readSkippingComments(text, ',', (line, p) -> problems.add(p)))
        .containsExactly(new Row(2, List.of("a", "b")), new Row(4, List.of("c", "d")));
    assertThat(read(text)).extracting(Row::line).containsExactly(1, 2, 3, 4);
  }
}
