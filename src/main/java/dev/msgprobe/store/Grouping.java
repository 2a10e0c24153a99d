package dev.msgprobe.store;

/** Where measurements were taken, as {@code report --by} groups them. */
public enum Grouping {
  ASN("probe_asn"), CC("probe_cc"), PROBE("probe");

  final String column;

  Grouping(String column) {
    this.column = column;
  }
}
