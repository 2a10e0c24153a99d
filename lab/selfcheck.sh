#!/usr/bin/env bash
# Prove every scenario is faithful: bring it up, run its `check:` lines with dig/curl/openssl
# inside the vantage namespace, tear it down. Prints PASS/FAIL per check; exit 1 on any FAIL.
#   lab/selfcheck.sh [SCENARIO|all]     (root; default all)
set -uo pipefail
LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_ROOT="${MP_LAB_RUN:-$LAB/run}"
[ "$(id -u)" -eq 0 ] || { echo "selfcheck: must run as root" >&2; exit 1; }
trap 'bash "$LAB/lab.sh" down' EXIT
trap 'exit 130' INT TERM

want=${1:-all}
if [ "$want" = all ]; then
  mapfile -t scenarios < <(ls "$LAB"/scenarios/*.conf | xargs -n1 basename | sed 's/\.conf$//')
else
  scenarios=("$want")
fi

bash "$LAB/lab.sh" check-kernel >/dev/null || { bash "$LAB/lab.sh" check-kernel; echo "FAIL kernel features missing"; exit 1; }
echo "PASS kernel: every feature the lab uses is present (lab/lab.sh check-kernel)"
pass=0 fail=0 t_all=$(date +%s%N)
for sc in "${scenarios[@]}"; do
  t0=$(date +%s%N)
  if ! bash "$LAB/lab.sh" up "$sc" >/dev/null; then
    echo "FAIL $sc: lab did not come up"; fail=$((fail+1)); continue
  fi
  out=$(/usr/bin/python3 "$LAB/selfcheck.py" "$RUN_ROOT/cur")
  echo "$out"
  pass=$((pass + $(grep -c '^PASS' <<<"$out"))); fail=$((fail + $(grep -c '^FAIL' <<<"$out")))
  bash "$LAB/lab.sh" down
  echo "     $sc: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
done
# nothing may be left behind
left_ns=$(ip netns list 2>/dev/null | awk '{print $1}' | grep '^mp-' | tr '\n' ' ')
left_links=$(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | grep '^mp-' | tr '\n' ' ')
left_procs=$(pgrep -f "$LAB/servers/" | tr '\n' ' ' || true)
if [ -z "$left_ns$left_links$left_procs" ]; then
  echo "PASS teardown: no mp- namespace, link or lab server process left"; pass=$((pass+1))
else
  echo "FAIL teardown: left namespaces [$left_ns] links [$left_links] processes [$left_procs]"; fail=$((fail+1))
fi
echo "selfcheck: $pass passed, $fail failed (${#scenarios[@]} scenario(s), $(( ($(date +%s%N) - t_all) / 1000000000 ))s)"
[ "$fail" -eq 0 ]
