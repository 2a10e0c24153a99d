package dev.msgprobe.analysis;

import java.util.ArrayList;
import java.util.List;

/** What the main path achieved so far, in words, and whether a step only worked on its retry. */
final class PathEvidence {
  private final List<String> evidence = new ArrayList<>();
  private final int start;
  private boolean flaky;

  /** {@code dnsNotes} describe the DNS step that came before the path. */
  PathEvidence(List<String> dnsNotes) {
    evidence.addAll(dnsNotes);
    start = dnsNotes.size();
  }

  void add(String sentence) {
    evidence.add(sentence);
  }

  /** A step that failed first and worked on its retry. */
  void flaky(String sentence) {
    flaky = true;
    evidence.add(sentence);
  }

  boolean isFlaky() {
    return flaky;
  }

  List<String> evidence() {
    return List.copyOf(evidence);
  }

  /** The evidence of the connection steps only, without the DNS notes. */
  List<String> pathEvidence() {
    return List.copyOf(evidence.subList(start, evidence.size()));
  }
}
