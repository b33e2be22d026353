// Per-file figures of Stryker JSON reports (mutation-testing-report-schema), merged when several
// are given: node test/mutation/score.mjs [report.json …] (default reports/mutation/mutation.json).
// score = (killed + timeout) / (killed + timeout + survived + no coverage), as issue 16 counts it.
import { readFileSync } from 'node:fs';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = {};
for (const path of paths.length ? paths : ['reports/mutation/mutation.json']) {
  Object.assign(files, JSON.parse(readFileSync(path, 'utf8')).files);
}
const rows = Object.entries(files)
  .map(([file, { mutants }]) => {
    const n = (status) => mutants.filter((m) => m.status === status).length;
    const row = {
      file,
      killed: n('Killed'),
      timeout: n('Timeout'),
      survived: n('Survived'),
      noCoverage: n('NoCoverage'),
      other: mutants.length - n('Killed') - n('Timeout') - n('Survived') - n('NoCoverage'),
    };
    return row;
  })
  .sort((a, b) => a.file.localeCompare(b.file));
const score = (r) => {
  const valid = r.killed + r.timeout + r.survived + r.noCoverage;
  return valid ? (((r.killed + r.timeout) / valid) * 100).toFixed(1) : '–';
};
const total = rows.reduce(
  (t, r) => ({
    file: '**total**',
    killed: t.killed + r.killed,
    timeout: t.timeout + r.timeout,
    survived: t.survived + r.survived,
    noCoverage: t.noCoverage + r.noCoverage,
    other: t.other + r.other,
  }),
  { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 },
);
console.log('| file | killed | timeout | survived | no cov | score |');
console.log('|---|--:|--:|--:|--:|--:|');
for (const r of [...rows, total]) {
  console.log(`| ${r.file} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${score(r)} % |`);
}
if (total.other) console.log(`\n(${total.other} mutants ignored, errored or not run: outside the score)`);
if (process.argv.includes('--survivors')) {
  for (const [file, { mutants, source }] of Object.entries(files)) {
    const lines = source.split('\n');
    for (const m of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
      const { line, column } = m.location.start;
      console.log(
        `${file}:${line}:${column} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')} | ${lines[line - 1].trim().slice(0, 110)}`,
      );
    }
  }
}
