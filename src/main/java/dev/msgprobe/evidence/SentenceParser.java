package dev.msgprobe.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recovers the key and arguments of an English evidence sentence. Each template whose literals the
 * sentence holds in order ({@link Template#mayMatch}) is tried as literal text around captures; a
 * capture may end at any occurrence of the literal that follows it, and a {@code {n,text}} capture
 * is itself parsed. Of all the ways a sentence can be read, the one that
 * explains the most literal text (nested sentences included) wins, the "most specific reading", which
 * a lazy or greedy regular expression alone cannot find (it picks one split of {@code {0}; {1}}
 * blindly). On a tie the reading whose outermost template has more literal text wins (a sentence
 * with a nested sentence at its end is read from the outside in), then the earlier template in key
 * order; within a template, the earliest split (data such as a block-page id stops at the first
 * separator). Not thread-safe (it remembers the parses of one sentence); make one per sentence.
 */
final class SentenceParser {
  private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d.,]*");

  /** A reading of a sentence: its template, its arguments, and how much literal text it explains. */
  record Parse(Template template, List<Arg> args, int score) {
    Object[] argTexts() {
      Object[] out = new Object[template.arity()];
      for (int i = 0; i < args.size(); i++) {
        out[template.placeholders().get(i).index()] = args.get(i).text();
      }
      return out;
    }
  }

  /** One captured argument; {@code nested} is its own reading when it is a catalogue text. */
  record Arg(String text, Parse nested) {}

  private final Collection<Template> templates;
  private final Map<String, Optional<Parse>> memo = new HashMap<>();

  SentenceParser(Catalogue english) {
    this.templates = english.templates().values();
  }

  /** The most specific reading of {@code sentence}, or empty when no template matches it. */
  Optional<Parse> parse(String sentence) {
    Optional<Parse> known = memo.get(sentence);
    if (known != null) {
      return known;
    }
    Parse best = null;
    for (Template t : templates) {
      if (!t.mayMatch(sentence)) {
        continue;
      }
      Parse p = match(t, sentence);
      if (p != null && (best == null || p.score() > best.score()
          || p.score() == best.score() && p.template().literalLength() > best.template().literalLength())) {
        best = p;
      }
    }
    Optional<Parse> result = Optional.ofNullable(best);
    memo.put(sentence, result);
    return result;
  }

  private Parse match(Template t, String s) {
    String first = t.literals().get(0);
    if (!s.startsWith(first)) {
      return null;
    }
    Capture best = capture(t, s, 0, first.length(), new ArrayList<>());
    return best == null ? null : new Parse(t, best.args(), t.literalLength() + best.score());
  }

  private record Capture(List<Arg> args, int score) {}

  /** The best way to fill placeholders {@code i}.. from position {@code at}; null when there is none. */
  private Capture capture(Template t, String s, int i, int at, List<Arg> taken) {
    List<Template.Placeholder> ph = t.placeholders();
    if (i == ph.size()) {
      return at == s.length() ? new Capture(List.of(), 0) : null;
    }
    String next = t.literals().get(i + 1);
    boolean scoreless = ph.subList(i, ph.size()).stream().noneMatch(p -> p.kind() == Template.Kind.TEXT);
    Capture best = null;
    for (int end : ends(s, at, next, i == ph.size() - 1)) {
      Arg arg = argument(t, ph.get(i), s.substring(at, end), taken);
      if (arg == null) {
        continue;
      }
      taken.add(arg);
      Capture rest = capture(t, s, i + 1, end + next.length(), taken);
      taken.remove(taken.size() - 1);
      if (rest != null) {
        int score = rest.score() + (arg.nested() == null ? 0 : arg.nested().score());
        if (best == null || score > best.score()) {
          List<Arg> args = new ArrayList<>();
          args.add(arg);
          args.addAll(rest.args());
          best = new Capture(args, score);
        }
        if (scoreless) {
          return best; // no later split can explain more text, and the earliest split wins ties
        }
      }
    }
    return best;
  }

  /** Where a capture starting at {@code at} may end: before an occurrence of {@code next}. */
  private static List<Integer> ends(String s, int at, String next, boolean last) {
    List<Integer> out = new ArrayList<>();
    if (last) {
      if (s.endsWith(next) && s.length() - next.length() >= at) {
        out.add(s.length() - next.length());
      }
      return out;
    }
    for (int k = s.indexOf(next, at); k >= 0; k = s.indexOf(next, k + 1)) {
      out.add(k);
    }
    return out;
  }

  /** The capture as an argument of its kind, or null when it cannot be one (or contradicts a repeat). */
  private Arg argument(Template t, Template.Placeholder p, String text, List<Arg> taken) {
    for (int j = 0; j < taken.size(); j++) {
      if (t.placeholders().get(j).index() == p.index() && !taken.get(j).text().equals(text)) {
        return null;
      }
    }
    return switch (p.kind()) {
      case NUMBER -> NUMBER.matcher(text).matches() ? new Arg(text, null) : null;
      case DATA -> new Arg(text, null);
      case TEXT -> new Arg(text, parse(text).orElse(null));
    };
  }
}
