/**
 * The unit specs of the two mutated libs, loaded as one test file for mutation runs
 * (docs/adr/0014-mutation-testing.md): each mutant's Jest run then builds one module registry
 * instead of twenty. Plain `npm test` runs the spec files themselves; this file only imports them.
 * Order: the fast, targeted specs first, the property specs last, so that a bailing run stops early.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const specsOf = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.spec.ts') && !/\.(int|e2e)\.spec\.ts$/.test(file))
    .filter((file) => !file.endsWith('case.machine.paths.spec.ts'))
    .map((file) => join(dir, file));
const last = (file: string) => (file.includes('.property.') || file.includes('.properties.') ? 1 : 0);
// MUTATION_SPECS=domain leaves out the calendar's specs: they cannot reach the case domain's code
// (the calendar imports nothing of it), so a run that mutates only domain files loses no kill and
// each mutant's run loads a third fewer modules.
const libs =
  process.env.MUTATION_SPECS === 'domain'
    ? ['libs/case/src/domain']
    : ['libs/calendar/src', 'libs/case/src/domain'];
const specs = libs
  .flatMap(specsOf)
  .filter((file) => !file.includes('/testing/'))
  .sort((a, b) => last(a) - last(b));

for (const spec of specs) {
  await import(`./${relative(here, join(root, spec))}`);
}
