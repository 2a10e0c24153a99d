package dev.msgprobe.lists;

import java.util.List;

/** Column names of a test list (docs/contract/lists.md): Citizen Lab's six, then msgprobe's. */
final class Columns {
  static final String URL = "url";
  static final String CATEGORY_CODE = "category_code";
  static final String CATEGORY_DESCRIPTION = "category_description";
  static final String DATE_ADDED = "date_added";
  static final String SOURCE = "source";
  static final String NOTES = "notes";
  static final String SERVICE = "service";
  static final String FUNCTION = "function";
  static final String METHOD = "method";
  static final String THROUGHPUT = "throughput";

  static final List<String> ALL = List.of(URL, CATEGORY_CODE, CATEGORY_DESCRIPTION, DATE_ADDED, SOURCE,
      NOTES, SERVICE, FUNCTION, METHOD, THROUGHPUT);

  private Columns() {}
}
