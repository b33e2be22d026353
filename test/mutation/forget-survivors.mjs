// Makes the next incremental run retest a file's survivors: node test/mutation/forget-survivors.mjs
// reports/mutation/<name>.json. Stryker reuses a survivor whose code and covering tests did not
// change; a static mutant (module-level data, such as the statechart's configuration) lists no
// covering tests, so new specs never get it retested (docs/adr/0014-mutation-testing.md). This drops
// the Survived and NoCoverage results from the incremental file; every other result is reused.
import { readFileSync, writeFileSync } from 'node:fs';

for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  let dropped = 0;
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage');
    dropped += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  writeFileSync(path, JSON.stringify(report));
  console.log(`${path}: ${dropped} survivors and mutants without coverage to retest`);
}
