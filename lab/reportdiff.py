#!/usr/bin/env python3
"""Compare two msgprobe JSONL reports of the same list, line by line (matched by `input`).

Prints every path whose values differ with a count and an example, marking each as MEANT (times,
ids, dates, nonces, timing figures: they are expected to differ between runs) or STRUCTURE
(anything else). Exit 0 when only MEANT differences exist, 1 otherwise, 2 on bad usage.

    lab/reportdiff.py A.jsonl B.jsonl
"""
import base64
import collections
import json
import re
import sys

# leaf keys whose values are times, ids or nonces, or figures computed from times
MEANT_KEYS = {"t", "t0", "test_runtime", "test_start_time", "measurement_start_time", "report_id",
              "Date", "Sec-WebSocket-Key", "Sec-WebSocket-Accept", "goodput_kbps", "seconds"}
NUMBER = re.compile(r"\d+(\.\d+)?")


def load(path):
    lines = {}
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            try:
                m = json.loads(text)
            except ValueError as e:
                sys.exit(f"reportdiff: {path}:{n}: not JSON ({e})")
            lines[m["input"]] = m
    return lines


def dns_id_only(x, y):
    """Two base64 DNS messages that differ only in their 16-bit message id."""
    try:
        a, b = base64.b64decode(x), base64.b64decode(y)
    except (ValueError, TypeError):
        return False
    return len(a) == len(b) and a[2:] == b[2:]


def meant(path, x, y):
    leaf = path.rsplit("/", 1)[-1].rstrip("[]")
    if leaf in MEANT_KEYS:
        return True
    if leaf == "data" and "raw_response" in path and dns_id_only(x, y):
        return True
    if isinstance(x, str) and isinstance(y, str) and (leaf == "evidence" or path.endswith("headers_list[][]")):
        # figures inside sentences (milliseconds, rates) and header values that are dates or nonces
        return NUMBER.sub("N", x) == NUMBER.sub("N", y) or "GMT" in x or x.endswith("==") or x.endswith("=")
    return False


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    a, b = load(argv[1]), load(argv[2])
    counts, examples, kinds = collections.Counter(), {}, {}

    def note(path, x, y, kind):
        counts[path] += 1
        examples.setdefault(path, (x, y))
        kinds[path] = "STRUCTURE" if kinds.get(path) == "STRUCTURE" else kind

    def walk(x, y, path):
        if type(x) is not type(y):
            note(path, x, y, "STRUCTURE")
        elif isinstance(x, dict):
            for k in sorted(set(x) | set(y)):
                if k in x and k in y:
                    walk(x[k], y[k], f"{path}/{k}")
                else:
                    note(f"{path}/{k}", x.get(k), y.get(k), "STRUCTURE")
        elif isinstance(x, list):
            if len(x) != len(y):
                note(path + " (length)", len(x), len(y), "STRUCTURE")
            else:
                for u, v in zip(x, y):
                    walk(u, v, path + "[]")
        elif x != y:
            note(path, x, y, "MEANT" if meant(path, x, y) else "STRUCTURE")

    only = set(a) ^ set(b)
    print(f"lines: {len(a)} and {len(b)}; inputs only in one report: {len(only)}")
    for key in a:
        if key in b:
            walk(a[key], b[key], "")
    for path, n in sorted(counts.items(), key=lambda t: (kinds[t[0]], -t[1])):
        x, y = examples[path]
        print(f"{kinds[path]:9} {n:6d}  {path}   e.g. {str(x)[:50]!s} | {str(y)[:50]!s}")
    structural = only or any(k == "STRUCTURE" for k in kinds.values())
    print("verdict: " + ("reports differ in structure" if structural else
                         "reports differ only in times, ids and nonces"))
    return 1 if structural else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
