import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  readonly base: string;
  readonly dataDir: string;
  readonly pid: number;
  /** Stops the server (SIGTERM, so a --cpu-prof profile is written) and removes its data dir unless kept. */
  stop(): Promise<void>;
}

const CLI = fileURLToPath(new URL('../../../bin/one-window.js', import.meta.url));

/**
 * The built server (`one-window serve`) as a child process on a fresh DATA_DIR and a free port,
 * exactly as `npm start` runs it (embedded store at synchronous=FULL unless env says otherwise).
 */
export async function startBenchServer(
  options: { env?: Record<string, string>; nodeArgs?: readonly string[]; dataDir?: string } = {},
): Promise<BenchServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'one-window-bench-server-'));
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=profiles") profiles the server of any phase.
  const nodeArgs = options.nodeArgs ?? (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, CLI, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_USERS: 'on',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /console: (http:\/\/[^/\s]+)\//.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${out}`)));
  });
  child.stdout!.resume();
  return {
    base,
    dataDir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
