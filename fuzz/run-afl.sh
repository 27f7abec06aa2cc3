#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ through SharpFuzz (SharpFuzz README, "Usage"):
#   fuzz/run-afl.sh [all|TARGET[,TARGET...]] [SECONDS] [extra dotnet publish arguments...]
# Publishes fuzz/WotId.Fuzz, instruments the project's own assemblies (WotId.*.dll, not the BCL and not the crypto
# packages) with the SharpFuzz command-line tool, then runs each target under afl-fuzz for SECONDS (default 60),
# one at a time, starting from fuzz/corpus/TARGET. Prints one line per target from afl-fuzz's fuzzer_stats and exits
# non-zero if any target saved a crash. Work folder: $WOTID_FUZZ_WORK (default: a folder under $TMPDIR or /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=${1:-all}
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
work=${WOTID_FUZZ_WORK:-${TMPDIR:-/tmp}/wotid-fuzz}
publish=$work/publish

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: install AFL++ (Debian: apt-get install -y afl++)" >&2; exit 2; }

if [ "${WOTID_FUZZ_SKIP_PUBLISH:-0}" != 1 ] || [ ! -f "$publish/WotId.Fuzz.dll" ]; then
  dotnet tool restore >/dev/null
  # A fresh folder each time: instrumenting an assembly twice fails.
  rm -rf "$publish"
  dotnet publish fuzz/WotId.Fuzz/WotId.Fuzz.csproj -c Release -o "$publish" --nologo -v quiet "$@" >/dev/null
  for dll in "$publish"/WotId.*.dll; do
    [ "$(basename "$dll")" = WotId.Fuzz.dll ] && continue
    dotnet sharpfuzz "$dll" >/dev/null
  done
fi

if [ "$targets" = all ]; then
  targets=$(dotnet "$publish/WotId.Fuzz.dll" list | paste -sd, -)
fi

# dotnet is not an AFL-instrumented binary (the instrumentation is in the managed assemblies), so the binary check
# is skipped; crashes are exceptions reported by SharpFuzz, not core dumps, so core_pattern does not matter.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_AFFINITY=1 AFL_FAST_CAL=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stat() { sed -n "s/^$1 *: *//p" "$2"; }

printf '%-28s %12s %7s %9s %7s %8s %6s\n' target executions seconds execs/s corpus crashes hangs
failed=0
IFS=, read -r -a list <<< "$targets"
for target in "${list[@]}"; do
  [ -d "fuzz/corpus/$target" ] || { echo "no seed corpus fuzz/corpus/$target" >&2; failed=1; continue; }
  out=$work/out/$target
  stats=$out/default/fuzzer_stats
  # On a loaded machine the dry run occasionally aborts ("No instrumentation detected"); one retry.
  for attempt in 1 2; do
    rm -rf "$out"
    mkdir -p "$out"
    # -t 5000: a .NET input gets 5 s; -V: fixed budget; the outer timeout only guards against afl-fuzz hanging.
    timeout $((seconds + 300)) nice -n 19 afl-fuzz -i "fuzz/corpus/$target" -o "$out" -t 5000 -V "$seconds" \
      -- dotnet "$publish/WotId.Fuzz.dll" "$target" >"$out/afl.log" 2>&1 || true
    [ -f "$stats" ] && break
  done
  if [ ! -f "$stats" ]; then
    echo "$target: afl-fuzz did not start, see $out/afl.log" >&2
    tail -n 20 "$out/afl.log" >&2
    failed=1
    continue
  fi
  crashes=$(stat saved_crashes "$stats")
  printf '%-28s %12s %7s %9s %7s %8s %6s\n' "$target" "$(stat execs_done "$stats")" \
    "$(( $(stat last_update "$stats") - $(stat start_time "$stats") ))" "$(stat execs_per_sec "$stats")" \
    "$(stat corpus_count "$stats")" "$crashes" "$(stat saved_hangs "$stats")"
  if [ "$crashes" != 0 ]; then
    failed=1
    for f in "$out"/default/crashes/id:*; do
      echo "  crash: $f (replay: dotnet run --project fuzz/WotId.Fuzz -c Release -- $target '$f')" >&2
    done
  fi
done
exit "$failed"
