#!/usr/bin/env bash
# Quick benchmark run of cvxnn: builds bench/target/benchmarks.jar, runs the short JMH suite, and
# prints a Markdown report (machine, GFLOP/s, downcall overhead, kernel speed-ups) on stdout.
#
#   bench/run-quick.sh [--no-build] [--no-unset] [JMH options...]
#
# 1. Build with ../cvxnn (which finds a JDK >= 25): mvn -q -pl bench -am package -DskipTests.
# 2. The whole suite except IpmBench (whole solves, minutes each: run it on its own, see
#    IpmBench's javadoc), short settings (BenchMain --quick: -f 1 -wi 2 -i 3 -w 1s -r 1s), in the
#    environment as it is  ->  bench/target/quick/default.json
# 3. BlasBench only, with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from the environment of
#    that one run, so OpenBLAS picks its kernels from the CPU ("core type unset (AVX-512 kernels)")
#    ->  bench/target/quick/coretype-unset.json.  Nothing else touches those variables.
# 4. Report: Markdown on stdout, with numpy's dgemm at n = 1024 as a reference when python3 has numpy
#    (bench/numpy-dgemm.py, 1 and 2 threads via OPENBLAS_NUM_THREADS). JMH's progress log goes to
#    stderr and to bench/target/quick/*.log.
#
# JMH options (e.g. -i 5, -p threads=1, -prof gc) are passed to both runs; --no-build reuses the jar,
# --no-unset skips step 3. The machine has few cores: do not run this while others compile if the
# numbers matter.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
JAR="$BENCH/target/benchmarks.jar"
OUT="$BENCH/target/quick"

build=1 unset_run=1 jmh_args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --no-unset) unset_run=0 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) jmh_args+=("$a") ;;
  esac
done

die() { printf 'run-quick: %s\n' "$*" >&2; exit 2; }

# The JDK the ./cvxnn launcher picks (same search: JAVA_HOME if >= 25, java on PATH, /usr/lib/jvm, ...).
JDK="$("$ROOT/cvxnn" mvn -v 2>/dev/null | sed -n 's/^Java version: .*runtime: //p' | sed 's/\x1b\[[0-9;]*m//g' | head -n1)"
[[ -n "$JDK" && -x "$JDK/bin/java" ]] || die "could not determine the JDK >= 25 (run '$ROOT/cvxnn mvn -v' to see why)"
JAVA="$JDK/bin/java"
# The one definition of the JVM flags lives in the root pom (as in ../cvxnn).
read -r -a FLAGS <<<"$(sed -n 's:.*<cvxnn.jvm.flags>\(.*\)</cvxnn.jvm.flags>.*:\1:p' "$ROOT/pom.xml")"
[[ ${#FLAGS[@]} -gt 0 ]] || die "no <cvxnn.jvm.flags> in $ROOT/pom.xml"

if [[ $build -eq 1 ]]; then
  printf 'run-quick: building %s with %s ...\n' "$JAR" "$JDK" >&2
  (cd "$ROOT" && ./cvxnn mvn -q -pl bench -am package -DskipTests) >&2 || die "build failed (log above)"
fi
[[ -f "$JAR" ]] || die "$JAR is missing: build it (drop --no-build)"
mkdir -p "$OUT"

run_cmd=("$JAVA" "${FLAGS[@]}" -jar "$JAR")
cmd1=("${run_cmd[@]}" --quick -e IpmBench -rff "$OUT/default.json" ${jmh_args[@]+"${jmh_args[@]}"})
cmd2=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${run_cmd[@]}" --quick BlasBench -rff "$OUT/coretype-unset.json" ${jmh_args[@]+"${jmh_args[@]}"})

printf 'run-quick: %s\n' "${cmd1[*]}" >&2
"${cmd1[@]}" 2>&1 | tee "$OUT/default.log" >&2
[[ -s "$OUT/default.json" ]] || die "the suite produced no results (log: $OUT/default.log)"
if [[ $unset_run -eq 1 ]]; then
  printf 'run-quick: %s\n' "${cmd2[*]}" >&2
  "${cmd2[@]}" 2>&1 | tee "$OUT/coretype-unset.log" >&2
  [[ -s "$OUT/coretype-unset.json" ]] || die "the core-type-unset run produced no results (log: $OUT/coretype-unset.log)"
fi

quiet() { grep -v -e 'Using incubator modules' -e '^WARNING: ' || true; }

default_label="environment default (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-unset})"
unset_label="core type unset (AVX-512 kernels)"
{
  printf '# cvxnn quick benchmarks (%s)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'Short JMH settings (BenchMain --quick: -f 1 -wi 2 -i 3 -w 1s -r 1s unless overridden; each section\n'
  printf 'states the settings it ran with): indicative numbers, not publication-grade.\n\n'
  printf 'Commands:\n\n```\n%s\n' "${cmd1[*]}"
  [[ $unset_run -eq 1 ]] && printf '%s\n' "${cmd2[*]}"
  printf '```\n\n## Machine\n\n'
  "${run_cmd[@]}" --info 2>&1 | quiet
  if [[ $unset_run -eq 1 ]]; then
    printf '\nWith OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset:\n\n'
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${run_cmd[@]}" --info --openblas-only 2>&1 | quiet
  fi
  printf '\n'
  report=(--report --title "$default_label" "$OUT/default.json")
  [[ $unset_run -eq 1 ]] && report+=(--title "$unset_label" "$OUT/coretype-unset.json")
  "${run_cmd[@]}" "${report[@]}" 2>&1 | quiet
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import numpy' >/dev/null 2>&1; then
    printf '## Reference: numpy dgemm (`bench/numpy-dgemm.py`, environment default)\n\n'
    header="" rows=""
    for t in 1 2; do
      out="$(OPENBLAS_NUM_THREADS=$t python3 "$BENCH/numpy-dgemm.py" 1024)"
      printf -- '- %s\n' "$(head -n1 <<<"$out")"
      header="$(sed -n 2,3p <<<"$out")"
      rows+="$(tail -n +4 <<<"$out")"$'\n'
    done
    printf '\n%s\n%s\n' "$header" "$rows"
  fi
}
