import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsBlobStore } from '@one-window/blob-store';
import { ReadOnlyEventStore } from '@one-window/event-store';
import { ApiWorld, foodLicenceReceipt } from '../../../server/test/support/api-world.js';
import { startTestServer } from '../../../server/test/support/test-server.js';
import { PDF_BYTES, PNG_BYTES, uploadFile } from '../../../server/test/support/uploads.js';
import { backupCommand, type BackupDeps } from './backup.command.js';
import type { ReadSideCliDeps } from './read-side-deps.js';
import { verifyCommand } from './verify.command.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobPath = (dataDir: string, hash: string) => join(dataDir, 'blobs', hash.slice(0, 2), hash);

/** Issue 13 item 2: verify checks every file an event names; backup carries the files. */
describe('verify and backup of attached files (ADR 16)', () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'one-window-blobs-cli-'));
    dataDir = join(root, 'data');
    const server = await startTestServer({}, { dataDir });
    const w = await ApiWorld.signIn(server.base);
    const pdf = await uploadFile(server.base, w.token('clerk1'), '申请书.pdf', PDF_BYTES);
    const png = await uploadFile(server.base, w.token('clerk1'), '现场照片.png', PNG_BYTES);
    const receipt = foodLicenceReceipt();
    receipt.materials[0] = {
      ...receipt.materials[0],
      files: [
        { sha256: pdf.body.sha256, name: pdf.body.name },
        { sha256: png.body.sha256, name: png.body.name },
      ],
    };
    await w.ok('clerk1', '/api/cases', receipt);
    await server.close({ keepData: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = async () => {
    const out: string[] = [];
    const err: string[] = [];
    const deps = {
      openStore: () => Promise.resolve(ReadOnlyEventStore.open({ dataDir })),
      openBlobs: () => FsBlobStore.open(dataDir),
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      progress: () => undefined,
    } as unknown as ReadSideCliDeps;
    return { code: await verifyCommand({}, deps), out, err };
  };

  it('backup copies the files into <dir>/blobs and verifies them against the copied log', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const deps: BackupDeps = { dataDir, out: (l) => out.push(l), err: (l) => err.push(l) };
    const dir = join(root, 'backup');
    expect(await backupCommand(dir, deps)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toContain('attached files: 2 copied, 0 already there');
    expect(out).toContain('2 attached files referenced, 2 present and matching');
    for (const bytes of [PDF_BYTES, PNG_BYTES])
      expect(readFileSync(blobPath(dir, sha256(bytes))).equals(bytes)).toBe(true);
  });

  it('verify passes on the intact files, then catches a corrupted one and a missing one', async () => {
    const intact = await run();
    expect(intact.code).toBe(0);
    expect(intact.out).toContain(
      'attached files: 2 referenced by case events, 2 present and matching their hash',
    );

    const pdfFile = blobPath(dataDir, sha256(PDF_BYTES));
    const corrupted = Buffer.from(PDF_BYTES);
    corrupted[20] ^= 0xff;
    writeFileSync(pdfFile, corrupted);
    const changed = await run();
    expect(changed.code).toBe(1);
    expect(changed.err).toEqual([
      expect.stringMatching(
        new RegExp(
          `^problem: file ${sha256(PDF_BYTES)} \\(named by case-.* at position \\d+\\) has changed: its content hashes to ${sha256(corrupted)}$`,
        ),
      ),
    ]);

    rmSync(blobPath(dataDir, sha256(PNG_BYTES)));
    expect(existsSync(blobPath(dataDir, sha256(PNG_BYTES)))).toBe(false);
    const missing = await run();
    expect(missing.code).toBe(1);
    expect(missing.err).toContainEqual(expect.stringMatching(/is not in the blob store$/));
    expect(missing.out).toContain('2 file problem(s) found');
  });
});
