// Per-file figures of Stryker JSON reports (mutation-testing-report-schema), merged when several
// are given: node test/mutation/score.mjs [report.json …] (default reports/mutation/mutation.json).
// score = (killed + timeout) / (killed + timeout + survived + no coverage), as issue 16 counts it.
//
// --merge: the score of the two libs from the per-file runs (docs/adr/0014-mutation-testing.md):
// every report under reports/mutation (the run-file.sh <name>.report.json and the calendar run's
// mutation.json), each mutated file taken from the newest report that holds it, written as one
// report to reports/mutation/merged.json; the files of stryker.config.mjs's `mutate` that no report
// holds are listed as not measured (they are outside the total, which is then not the libs' score).
// --adr (with --merge): a mutated file that no report holds is taken from its newest row in
// docs/adr/0014-mutation-testing.md's Figures table (its counts as measured then), marked `ADR <date>`
// with the commits that touched the file since that day (git log --since): a row whose file changed
// since is only a record of what was, not the file's figure now.
// --survivors: each survivor and mutant without coverage, one line each.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const merge = process.argv.includes('--merge');
const adr = merge && process.argv.includes('--adr');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const reportsUnder = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.report.json') || f === 'mutation.json' || f.endsWith('/mutation.json'))
    .filter((f) => !f.startsWith('merged'))
    .map((f) => join(dir, f));
const paths = args.length
  ? args
  : merge
    ? reportsUnder('reports/mutation')
    : ['reports/mutation/mutation.json'];
// Oldest first, so that a file's newest report is the one kept.
const byAge = merge ? [...paths].sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs) : paths;
const files = {};
const from = {};
for (const path of byAge) {
  for (const [file, result] of Object.entries(JSON.parse(readFileSync(path, 'utf8')).files)) {
    // The calendar run's report has the mutated files too, with every mutant: only a report that
    // tested a file (not one that merely lists it as Ignored) counts for it.
    if (result.mutants.every((m) => m.status === 'Ignored')) continue;
    files[file] = result;
    from[file] = path;
  }
}

/** The files stryker.config.mjs mutates (its globs, `**` and `*`, `!` excluding). */
async function mutatedFiles() {
  const { default: config } = await import(new URL('../../stryker.config.mjs', import.meta.url));
  const regex = (glob) =>
    new RegExp(
      `^${glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '\u0000')
        .replace(/\*\*/g, '.*')
        .replace(/\*/g, '[^/]*')
        .replace(/\u0000/g, '(?:.*/)?')}$`,
    );
  const include = config.mutate.filter((g) => !g.startsWith('!')).map(regex);
  const exclude = config.mutate.filter((g) => g.startsWith('!')).map((g) => regex(g.slice(1)));
  const roots = [...new Set(config.mutate.filter((g) => !g.startsWith('!')).map((g) => g.split('/*')[0]))];
  return roots
    .flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => relative('.', join(root, f))),
    )
    .filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)))
    .sort();
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
// The ADR's Figures rows: | file | run | killed | timeout | survived | no cov | score | wall |, newest last.
const adrRows = {};
if (adr) {
  const text = readFileSync('docs/adr/0014-mutation-testing.md', 'utf8');
  let date = '';
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 9 || !cells[1].startsWith('libs/')) continue;
    // "(same run)" rows take the date of the row above.
    date = /^(\d+ [A-Z][a-z]{2})/.exec(cells[2])?.[1] ?? date;
    const [killed, timeout, survived, noCoverage] = cells.slice(3, 7).map(Number);
    if ([killed, timeout, survived, noCoverage].some(Number.isNaN)) continue;
    adrRows[cells[1]] = { file: cells[1], killed, timeout, survived, noCoverage, other: 0, date, line };
  }
}
// The commits to a file since its ADR row's day (an upper bound: some may precede the run), and
// since the commit that last wrote the row's line (a lower bound when the row was reworded later).
const changedSince = (file, row) => {
  const git = (...a) => execFileSync('git', a, { encoding: 'utf8' }).split('\n').filter(Boolean);
  const since = new Date(`${row.date} 2026 UTC`).toISOString().slice(0, 10);
  const day = git('log', '--format=%H', `--since=${since}`, '--', file).length;
  const [written] = git(
    'log',
    '--reverse',
    '--format=%H',
    `-S${row.line}`,
    '--',
    'docs/adr/0014-mutation-testing.md',
  );
  const line = written ? git('rev-list', `${written}..HEAD`, '--', file).length : '?';
  return `commits to the file since that day: ${day}, since the row was written: ${line}`;
};
if (adr) {
  const missing = (await mutatedFiles()).filter((f) => !files[f] && adrRows[f]);
  for (const file of missing) {
    const row = adrRows[file];
    rows.push(row);
    from[file] = `ADR ${row.date} (${changedSince(file, row)})`;
  }
  rows.sort((a, b) => a.file.localeCompare(b.file));
}
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
if (merge) {
  const out = 'reports/mutation/merged.json';
  writeFileSync(out, JSON.stringify({ schemaVersion: '1.0', thresholds: { high: 90, low: 80 }, files }));
  const missing = (await mutatedFiles()).filter((f) => !files[f] && !(adr && adrRows[f]));
  console.log(
    `\n${rows.length} files (${Object.keys(files).length} from reports → ${out}, ${rows.length - Object.keys(files).length} from ADR 14's rows)`,
  );
  for (const { file } of rows) console.log(`  ${file} ← ${from[file]}`);
  console.log(
    missing.length
      ? `not measured (outside the total): ${missing.join(', ')}`
      : 'every mutated file measured',
  );
}
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
