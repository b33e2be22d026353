import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedEventStore } from '@one-window/event-store';
import { seedGeneratedCases } from '../../../../libs/read-models/src/testing/index.js';
import { UsersStore } from '@one-window/identity';

const REGISTER = fileURLToPath(new URL('../../../../test/support/ts-register.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
/** Root ignores file modes: as root, the CLI runs as `nobody` so that read-only means read-only. */
const AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function cli(dataDir: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', REGISTER, MAIN, ...args], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, NODE_OPTIONS: '' },
      ...AS,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => done({ code, out, err }));
  });
}

/** Every file's name and SHA-256: what "nothing was written" is checked against. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

function readOnlyCopy(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'one-window-ro-copy-'));
  for (const [name, from] of Object.entries(files)) {
    copyFileSync(from, join(dir, name));
    chmodSync(join(dir, name), 0o444);
  }
  chmodSync(dir, 0o555);
  return dir;
}

describe('verify, replay and users list on a read-only copy of the store (real CLI child processes)', () => {
  let source: string;
  let events: number;
  let caseId: string;
  const copies: string[] = [];
  beforeAll(async () => {
    source = mkdtempSync(join(tmpdir(), 'one-window-ro-source-'));
    const store = await EmbeddedEventStore.open({ dataDir: source, synchronous: 'NORMAL' });
    events = await seedGeneratedCases(store, 1_000);
    await new UsersStore(store).create(
      {
        username: 'clerk9',
        name: '王九',
        role: 'clerk',
        hall: 'hall-150102',
        password: 'a long enough password',
      },
      'test',
    );
    events += 1;
    caseId = (await store.readAll({ maxCount: 1 }))[0].streamName.slice('case-'.length);
    // While the store is open its last commits are in the write-ahead log, as after a kill -9.
    copies.push(
      readOnlyCopy({
        'events.sqlite': join(source, 'events.sqlite'),
        'events.sqlite-wal': join(source, 'events.sqlite-wal'),
      }),
    );
    await store.close();
    copies.push(readOnlyCopy({ 'events.sqlite': join(source, 'events.sqlite') }));
  });
  afterAll(() => {
    for (const dir of [source, ...copies]) {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['after a crash (write-ahead log beside it)', 0],
    ['after a clean stop', 1],
  ])('reads everything %s and writes nothing', async (_, index) => {
    const dir = copies[index];
    const before = fingerprint(dir);
    expect(events).toBeGreaterThan(5_000);

    const verify = await cli(dir, 'verify', '--json');
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ events, streams: 1_001, cases: 1_000, problems: [] });

    const replay = await cli(dir, 'replay', caseId);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^#0 {2}\S+ {2}case\.Received/);

    const users = await cli(dir, 'users', 'list');
    expect(users.code).toBe(0);
    expect(users.out).toBe('clerk9\tclerk\thall-150102\t王九\n');

    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses to read a file a running store holds, pointing at the admin API', async () => {
    const store = await EmbeddedEventStore.open({ dataDir: source });
    try {
      chmodSync(source, 0o755);
      const verify = await cli(source, 'verify');
      expect(verify.code).toBe(1);
      expect(verify.err).toMatch(/in use by a running server.*POST \/api\/admin\/verify/);
    } finally {
      await store.close();
    }
  });
});
