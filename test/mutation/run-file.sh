#!/usr/bin/env bash
# One file's mutation run (docs/adr/0014-mutation-testing.md), niced, one runner on the shared
# machine: test/mutation/run-file.sh <file[,file…]> <name> → reports/mutation/<name>.json
# (incremental, also a full report for score.mjs), the log in reports/mutation/<name>.log, the wall
# time and load at its end. Several files (comma-separated) share one dry run. Further arguments
# go to Stryker as they are (e.g. --timeoutMS 8000 for a file whose loop mutants would each wait 20 s).
set -u
file=$1 name=$2
shift 2
mkdir -p reports/mutation
start=$(date +%s)
config=stryker.config.mjs report=reports/mutation/mutation.json
case $file in
  # A case-domain file is killed by the domain's specs only: leave the calendar's out (unit-specs.mutation.ts).
  libs/case/*) export MUTATION_SPECS=domain ;;
  # Calendar files against the calendar's own specs (a floor: the case specs reach the calendar too).
  libs/calendar/*) config=stryker.calendar.config.mjs report=reports/mutation/calendar/mutation.json ;;
esac
echo "start $(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >"reports/mutation/$name.log"
nice -n 19 npx stryker run "$config" --mutate "$file" --incrementalFile "reports/mutation/$name.json" \
  --concurrency 1 --reporters json,progress,clear-text "$@" >>"reports/mutation/$name.log" 2>&1
status=$?
cp "$report" "reports/mutation/$name.report.json" 2>/dev/null
echo "wall $(( $(date +%s) - start )) s, exit $status, load $(cut -d' ' -f1-3 /proc/loadavg)" >>"reports/mutation/$name.log"
