package dev.msgprobe.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What differs between the two SQL engines a store runs on. */
enum Dialect {
  /** Times as {@code yyyy-MM-dd HH:mm:ss} text (sorts as time), the report line as text. */
  SQLITE("sqlite", "?") {
    @Override
    void setTime(PreparedStatement st, int index, LocalDateTime time) throws SQLException {
      st.setString(index, time.format(TEXT_TIME));
    }

    @Override
    LocalDateTime time(ResultSet rs, String column) throws SQLException {
      String text = rs.getString(column);
      return text == null ? null : LocalDateTime.parse(text, TEXT_TIME);
    }
  },
  /** {@code timestamp} columns holding UTC, the report line as {@code jsonb}. */
  POSTGRESQL("postgresql", "CAST(? AS jsonb)") {
    @Override
    void setTime(PreparedStatement st, int index, LocalDateTime time) throws SQLException {
      st.setTimestamp(index, Timestamp.valueOf(time));
    }

    @Override
    LocalDateTime time(ResultSet rs, String column) throws SQLException {
      Timestamp t = rs.getTimestamp(column);
      return t == null ? null : t.toLocalDateTime();
    }
  };

  static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** The folder under {@code db/migration} holding this dialect's Flyway migrations. */
  final String migrations;
  /** The SQL expression a JSON text parameter is bound through. */
  final String jsonParameter;

  Dialect(String migrations, String jsonParameter) {
    this.migrations = migrations;
    this.jsonParameter = jsonParameter;
  }

  abstract void setTime(PreparedStatement st, int index, LocalDateTime time) throws SQLException;

  abstract LocalDateTime time(ResultSet rs, String column) throws SQLException;
}
