import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN_ERROR_STATUS, DomainError, type DomainErrorCode } from '@one-window/case';
import { messages } from '@one-window/shared';
import { domainProblem, pointer } from './domain-problems.js';

describe("the engine's field paths as JSON Pointers (RFC 6901)", () => {
  it('turn indexes into reference tokens: materials[0].code is #/materials/0/code', () => {
    expect(pointer('materials[0].code')).toBe('#/materials/0/code');
    expect(pointer('missing[12].code')).toBe('#/missing/12/code');
    expect(pointer('applicant.idNumber')).toBe('#/applicant/idNumber');
    expect(pointer('supplyBy')).toBe('#/supplyBy');
  });

  it('escape ~ and / inside a token (§3)', () => {
    expect(pointer('a/b.c~d')).toBe('#/a~1b/c~0d');
  });
});

const typeCode = (type: string) => type.replace(/^\/problems\//, '');
const worded = (key: string) => ({
  key,
  zh: messages.template('zh', key) !== undefined,
  en: messages.template('en', key) !== undefined,
});

/** The non-test sources of the server and the libs, where refusals are raised. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /(?<!\.spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('every refusal has words in Chinese and in English (issue 11 item 1)', () => {
  it('each class of the case engine: its title and detail by the code the server answers with', () => {
    for (const code of Object.keys(DOMAIN_ERROR_STATUS) as DomainErrorCode[]) {
      const problem = domainProblem(new DomainError(code, 'refused'))!.problem;
      const answered = problem.code ?? typeCode(problem.type);
      for (const key of [`problemTitle.${typeCode(problem.type)}`, `problem.${answered}`])
        expect(worded(key)).toEqual({ key, zh: true, en: true });
    }
  });

  it('each specific reason the sources raise (forbidden.role, not-allowed-in-state.held-by, …)', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const reasons = new Set(
      [join(root, 'apps/server/src'), join(root, 'libs')]
        .flatMap(sources)
        .flatMap((file) => [
          ...readFileSync(file, 'utf8').matchAll(
            /'((?:not-allowed-in-state|forbidden|not-found|unauthorized|invalid-input)\.[a-z0-9-]+)'/g,
          ),
        ])
        .map((m) => m[1]),
    );
    expect(reasons.size).toBeGreaterThan(15);
    for (const reason of reasons) {
      const key = `problem.${reason}`;
      expect(worded(key)).toEqual({ key, zh: true, en: true });
    }
  });
});
