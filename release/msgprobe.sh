#!/bin/sh
# msgprobe from the release archive: runs lib/msgprobe.jar on the archive's own Java runtime.
# MSGPROBE_JAVA_OPTS adds JVM options. Symbolic links to this file (e.g. in ~/.local/bin) work.
self=$(readlink -f "$0")
home=$(cd "$(dirname "$self")/.." && pwd)
# shellcheck disable=SC2086
exec "$home/runtime/bin/java" -Xshare:auto ${MSGPROBE_JAVA_OPTS:-} -jar "$home/lib/msgprobe.jar" "$@"
