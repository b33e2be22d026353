#!/usr/bin/env bash
# One file's mutation run (docs/adr/0014-mutation-testing.md), niced, one runner on the shared
# machine: test/mutation/run-file.sh <file> <name> → reports/mutation/<name>.json (incremental,
# also a full report for score.mjs), the log in reports/mutation/<name>.log, the wall time at its end.
set -u
file=$1 name=$2
mkdir -p reports/mutation
start=$(date +%s)
# A case-domain file is killed by the domain's specs only: leave the calendar's out (unit-specs.mutation.ts).
case $file in libs/case/*) export MUTATION_SPECS=domain ;; esac
nice -n 19 npx stryker run --mutate "$file" --incrementalFile "reports/mutation/$name.json" \
  --concurrency 1 --reporters json,progress,clear-text >"reports/mutation/$name.log" 2>&1
status=$?
cp reports/mutation/mutation.json "reports/mutation/$name.report.json" 2>/dev/null
echo "wall $(( $(date +%s) - start )) s, exit $status, load $(cut -d' ' -f1-3 /proc/loadavg)" >>"reports/mutation/$name.log"
