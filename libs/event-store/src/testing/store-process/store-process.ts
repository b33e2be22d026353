import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('../../../../../test/support/ts-register.mjs', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./store-process.child.ts', import.meta.url));

/** A real second OS process running the embedded store (see store-process.child.ts). */
export class StoreProcess {
  private readonly lines: Record<string, unknown>[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        if (code !== 0 && code !== null) this.lines.push({ crashed: code, stderr });
        for (const wake of this.waiters.splice(0)) wake();
        resolve(code);
      }),
    );
  }

  static start(mode: 'hold' | 'append' | 'groups', file: string): StoreProcess {
    const child = spawn(process.execPath, ['--import', REGISTER, SCRIPT, mode, file], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    return new StoreProcess(child);
  }

  /** Waits for the first line (from now on or already seen) that satisfies `test`. */
  async waitFor(
    test: (line: Record<string, unknown>) => boolean,
    timeoutMs = 15_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(test) ?? this.lines.find((l) => 'crashed' in l);
      if (found !== undefined) {
        if ('crashed' in found && !test(found)) throw new Error(`child failed: ${JSON.stringify(found)}`);
        return found;
      }
      if (Date.now() > deadline)
        throw new Error(`child said nothing useful: ${JSON.stringify(this.lines.slice(-3))}`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  }

  all(): readonly Record<string, unknown>[] {
    return this.lines;
  }

  /** Closes stdin: a holding child closes its store and exits. */
  release(): void {
    this.child.stdin.end();
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
