#!/usr/bin/env bash
# Load time and lookup cost of the bundled IP-to-ASN/country data. Needs a build (target/classes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/geo ] || mvn -B -q -DskipTests compile
java -cp target/classes bench/GeoBench.java
