#!/usr/bin/env bash
# The hostile-server suite and the helper abuse test in a JVM capped at 1 GiB of heap, with their
# figures: peak heap of a whole run against misbehaving loopback servers, and the helper's answers
# and thread counts under abuse. Loopback only; no lab, no root needed.
#
#   bench/hostile-bench.sh
#
# A run that needed more than 1 GiB would fail with OutOfMemoryError; the printed peak heap is what
# the run used (memory pools' peak, reset just before the run).
# The same servers, on their own names and addresses behind the lab's resolver and DoH, are the lab
# scenario hostile-servers (lab/README.md), which LabScenariosIT asserts under -Xmx1g with a deadline.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q test -Dtest='HostileServersTest,HelperAbuseTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine='-Xmx1g' >/dev/null
for r in target/surefire-reports/TEST-dev.msgprobe.cli.HostileServersTest.xml \
         target/surefire-reports/TEST-dev.msgprobe.helper.HelperAbuseTest.xml; do
  grep -ho 'hostile servers:[^]]*\|helper abuse:[^]]*' "$r" | sed 's/\s*$//'
done
