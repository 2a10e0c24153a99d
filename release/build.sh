#!/usr/bin/env bash
# Release build: the runnable jar and a self-contained Linux x64 archive that needs neither Maven
# nor an installed Java.
#   release/build.sh [--skip-build]
# Writes, under target/release/:
#   msgprobe-<version>.jar                 the runnable jar (java -jar, Java 17+)
#   msgprobe-<version>-linux-x64.tar.gz    bin/msgprobe, lib/msgprobe.jar, runtime/ (a jlink image
#                                          of only the JDK modules msgprobe uses), bash/zsh
#                                          completion, man pages, licences
#   SHA256SUMS
# --skip-build uses the existing target/msgprobe.jar (CI, right after `mvn verify`).
# The jlink of the JDK running this script is used (JAVA_HOME, else java on PATH): it must have
# its jmods (Debian: openjdk-17-jdk-headless). A Windows archive would need a Windows JDK's jmods;
# none is made here. Two runs on one commit with one JDK give byte-identical files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

skip_build=0
for a in "$@"; do
  case "$a" in
    --skip-build) skip_build=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "release/build.sh: unknown argument '$a' (use --skip-build)" >&2; exit 2 ;;
  esac
done

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
java="$java_home/bin/java"
[ -x "$jlink" ] || { echo "release/build.sh: no jlink in $java_home (set JAVA_HOME to a JDK)" >&2; exit 2; }
[ -d "$java_home/jmods" ] || { echo "release/build.sh: $java_home has no jmods/ (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 2; }

if [ "$skip_build" = 0 ]; then
  mvn -B -q -DskipTests package
fi
jar=target/msgprobe.jar
[ -f "$jar" ] || { echo "release/build.sh: $jar is missing (build it, or drop --skip-build)" >&2; exit 2; }

version=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: //p')
[ -n "$version" ] || { echo "release/build.sh: no Implementation-Version in $jar" >&2; exit 2; }
# every file gets the build's fixed time (project.build.outputTimestamp)
stamp=$(sed -n 's:.*<project.build.outputTimestamp>\(.*\)</project.build.outputTimestamp>.*:\1:p' pom.xml)
epoch=$(date -u -d "$stamp" +%s)

# java.base ... found by `jdeps --print-module-deps --ignore-missing-deps` on the jar, minus
# java.desktop (only Jackson's optional java.beans support), plus what is reached by service
# loading or reflection: jdk.crypto.ec (TLS with EC keys), jdk.naming.dns (dnsjava's fallback
# system-resolver lookup), jdk.unsupported (sun.misc.Unsafe), jdk.localedata (Russian formats).
modules=java.base,java.logging,java.naming,java.net.http,java.sql,java.xml,jdk.httpserver,jdk.crypto.ec,jdk.naming.dns,jdk.unsupported,jdk.localedata

out=target/release
name="msgprobe-$version"
stage="$out/stage/$name"
rm -rf "$out"
mkdir -p "$stage"/{bin,lib,share/bash-completion/completions,share/zsh,share/man/man1,share/doc/msgprobe}

compress=--compress=2
[ "$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')" -ge 21 ] && compress=--compress=zip-6
"$jlink" --add-modules "$modules" --include-locales=en,ru --strip-debug --no-man-pages --no-header-files \
  "$compress" --output "$stage/runtime"
# the image's CDS archive differs from build to build; the JVM starts without it
rm -f "$stage/runtime/lib/server/classes.jsa" "$stage/runtime/lib/server/classes_nocoops.jsa"

cp "$jar" "$stage/lib/msgprobe.jar"
cp "$jar" "$out/$name.jar"
cp release/msgprobe.sh "$stage/bin/msgprobe"
cp README.md LICENSE "$stage/share/doc/msgprobe/"
unzip -p "$jar" META-INF/NOTICE > "$stage/share/doc/msgprobe/NOTICE"
unzip -p "$jar" META-INF/THIRD-PARTY.txt > "$stage/share/doc/msgprobe/THIRD-PARTY.txt"

# completion: picocli's AutoComplete script works in bash and, through bashcompinit, in zsh
"$stage/bin/msgprobe" generate-completion > "$stage/share/bash-completion/completions/msgprobe"
{
  echo '# msgprobe completion for zsh: source this file from ~/.zshrc (after compinit)'
  echo 'autoload -U +X bashcompinit && bashcompinit'
  cat "$stage/share/bash-completion/completions/msgprobe"
} > "$stage/share/zsh/msgprobe-completion.zsh"

# man pages: picocli's ManPageGenerator writes AsciiDoc; asciidoctor turns it into troff
codegen=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/info/picocli/picocli-codegen" -name 'picocli-codegen-*.jar' 2>/dev/null | sort | tail -1)
if [ -z "$codegen" ]; then
  mvn -B -q dependency:get -Dartifact="info.picocli:picocli-codegen:$(sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' pom.xml)" >/dev/null
  codegen=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/info/picocli/picocli-codegen" -name 'picocli-codegen-*.jar' | sort | tail -1)
fi
adoc="$out/man-adoc"
"$java" -cp "$jar:$codegen" picocli.codegen.docgen.manpage.ManPageGenerator -d "$adoc" dev.msgprobe.cli.Main >/dev/null
rm -f "$adoc/msgprobe-generate-completion.adoc" "$adoc/msgprobe-schedule-run.adoc"   # hidden commands
if command -v asciidoctor >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$epoch asciidoctor -b manpage -a reproducible -D "$stage/share/man/man1" "$adoc"/*.adoc
else
  echo "release/build.sh: asciidoctor is not installed (Debian: apt-get install asciidoctor);" \
    "shipping the AsciiDoc man pages in share/man/adoc instead of troff" >&2
  rmdir "$stage/share/man/man1"
  mkdir -p "$stage/share/man/adoc"
  cp "$adoc"/*.adoc "$stage/share/man/adoc/"
fi

chmod -R u+rwX,go+rX,go-w "$stage"
chmod 755 "$stage/bin/msgprobe"
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$out/stage" -cf - "$name" | gzip -n -9 > "$out/$name-linux-x64.tar.gz"
rm -rf "$out/stage" "$adoc"
(cd "$out" && sha256sum "$name.jar" "$name-linux-x64.tar.gz" > SHA256SUMS)
ls -l "$out"
cat "$out/SHA256SUMS"
