#!/usr/bin/env bash
# Install the Debian packages the censorship lab needs (only those missing).
# Runs as root. Touches nothing but the package database.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then echo "setup-deps.sh: must run as root" >&2; exit 1; fi
# command -> Debian package
declare -A PKG=(
  [ip]=iproute2 [tc]=iproute2 [nft]=nftables [iptables]=iptables
  [dig]=bind9-dnsutils [curl]=curl [openssl]=openssl [python3]=python3
  [ethtool]=ethtool [time]=time
)
missing=()
for cmd in "${!PKG[@]}"; do
  p=/usr/bin/$cmd; [ -x "$p" ] || p=/usr/sbin/$cmd; [ -x "$p" ] || p=/sbin/$cmd
  if [ ! -x "$p" ]; then missing+=("${PKG[$cmd]}"); fi
done
# /usr/bin/python3 specifically (the lab never uses a pyenv shim)
[ -x /usr/bin/python3 ] || missing+=(python3)
if [ ${#missing[@]} -eq 0 ]; then echo "setup-deps: all lab tools present"; exit 0; fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-deps: done"
