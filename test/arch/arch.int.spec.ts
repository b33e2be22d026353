import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openTempDir, type TempDir } from '../support/temp-dir.js';

const script = resolve('scripts/arch.mjs');

/** `npm run arch` over a small tree of its own: the script copied in, files written as given. */
function tree(root: string, files: Record<string, string>): void {
  mkdirSync(join(root, 'scripts'), { recursive: true });
  copyFileSync(script, join(root, 'scripts', 'arch.mjs'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const arch = (root: string) => {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'arch.mjs')], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
};

const git = (root: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=arch', '-c', 'user.email=arch@example.org', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

const SERVER = {
  'libs/shared/src/index.ts': 'export const one = 1;\n',
  'apps/server/src/index.ts': "export { users } from './auth/users.js';\n",
  'apps/server/src/auth/users.ts': 'export const users = [];\nexport type User = { name: string };\n',
  'apps/cli/src/commands/serve.ts': "export const load = () => import('../../../server/src/index.js');\n",
};

describe('npm run arch', () => {
  let dir: TempDir;
  beforeEach(async () => (dir = await openTempDir('one-window-arch-')));
  afterEach(() => dir.dispose());

  it("lets the CLI use the server's public entry and nothing else under apps/server/src", () => {
    tree(dir.path, SERVER);
    expect(arch(dir.path)).toMatchObject({ status: 0 });

    tree(dir.path, {
      'apps/cli/src/commands/users.ts':
        "import { users } from '../../../server/src/auth/users.js';\nexport const count = users.length;\n",
      'apps/cli/src/commands/user-type.ts':
        "import type { User } from '../../../server/src/auth/users.js';\nexport const name = (u: User) => u.name;\n",
    });
    const run = arch(dir.path);
    expect(run.status).toBe(1);
    expect(run.err).toContain(
      `apps/cli/src/commands/users.ts:1: the CLI imports the server's insides ("../../../server/src/auth/users.js")`,
    );
    expect(run.err).toContain('apps/cli/src/commands/user-type.ts:1: the CLI imports');
    expect(run.err).toContain('arch: 2 problem(s)');
  });

  it("reports as added only the event types of events.ts's list and of a slice's events: [...]", () => {
    tree(dir.path, SERVER);
    expect(git(dir.path, 'init', '-q').status).toBe(0);
    git(dir.path, 'add', '.');
    git(dir.path, 'commit', '-q', '-m', 'start');
    tree(dir.path, {
      'libs/case/src/slices/reassign-task.ts': [
        "export const passed = ['case.TaskStarted',",
        "  'case.TaskPassed',",
        '];',
        'export const slice = {',
        "  events: ['case.TaskReassigned'],",
        '};',
        '',
      ].join('\n'),
      'libs/case/src/events.ts': "export const CASE_EVENT_TYPES = [\n  'case.Withdrawn',\n];\n",
    });
    git(dir.path, 'add', '.');
    expect(git(dir.path, 'commit', '-q', '-m', 'reassignment').status).toBe(0);
    const run = arch(dir.path);
    expect(run.status).toBe(0);
    expect(run.out).toContain('last transition added: case.Withdrawn, case.TaskReassigned in ');
    expect(run.out).toContain('production files touched: 2');
    expect(run.out).not.toContain('case.TaskPassed');
  });
});
