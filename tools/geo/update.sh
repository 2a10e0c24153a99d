#!/usr/bin/env bash
# Rebuilds the bundled IP-to-ASN and IP-to-country data from the ip-location-db npm packages.
# Build time only: msgprobe never fetches data at run time. Usage: tools/geo/update.sh [VERSION]
#   @ip-location-db/asn          ASN + organisation ranges (RouteViews and DB-IP data, CC BY 4.0)
#   @ip-location-db/asn-country  country ranges (registry delegation data, CC0 1.0)
# Writes src/main/resources/geo/ip-asn-country.bin.gz; commit it with the NOTICE date updated.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:-latest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for pkg in asn asn-country; do
  (cd "$work" && npm pack --silent "@ip-location-db/$pkg@$version" >/dev/null)
  mkdir -p "$work/$pkg" && tar xzf "$work"/ip-location-db-"$pkg"-*.tgz -C "$work/$pkg"
done
pkgversion="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$work/asn/package/package.json")"
# versions look like 2.3.2026061719: the last part is the data's yyyymmddhh
stamp="${pkgversion##*.}"
date="${stamp:0:4}-${stamp:4:2}-${stamp:6:2}"
mvn -B -q -DskipTests compile
out=src/main/resources/geo/ip-asn-country.bin.gz
mkdir -p "$(dirname "$out")"
java -cp target/classes dev.msgprobe.geo.GeoDataBuilder "$out" "$date" \
  "ip-location-db $pkgversion (asn: RouteViews and DB-IP, CC BY 4.0; country: CC0 1.0)" \
  "$work/asn/package/asn-ipv4-num.csv" "$work/asn/package/asn-ipv6-num.csv" \
  "$work/asn-country/package/asn-country-ipv4-num.csv" "$work/asn-country/package/asn-country-ipv6-num.csv"
ls -l "$out"
echo "geo data of $date written to $out"
