#!/bin/sh
# msgprobe from the release archive: runs lib/msgprobe.jar on the archive's own Java runtime.
# MSGPROBE_JAVA_OPTS adds JVM options after the defaults (a later -Xmx wins); MSGPROBE_JVM_DEFAULTS
# replaces the defaults ("" for the JVM's own). The defaults are those of the checkout's ./msgprobe:
# a 320 MiB heap, the serial collector, 512 KiB thread stacks. Symbolic links to this file work.
self=$(readlink -f "$0")
home=$(cd "$(dirname "$self")/.." && pwd)
default_opts="-Xms32m -Xmx320m -XX:+UseSerialGC -Xss512k"
# shellcheck disable=SC2086
exec "$home/runtime/bin/java" -Xshare:auto ${MSGPROBE_JVM_DEFAULTS-$default_opts} ${MSGPROBE_JAVA_OPTS:-} -jar "$home/lib/msgprobe.jar" "$@"
