/**
 * Where the machine's CPU went during a load window (Linux /proc): the server process, its main
 * thread (the event loop), the bench process itself (the HTTP clients) and the whole machine —
 * in cores (1.0 = one core busy for the whole window). On a 2-core machine the figures say
 * whether the event loop or the machine is what bounds the throughput.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on every Linux we run on). */
const TICKS_PER_S = 100;

export interface CpuShares {
  /** The server process, every thread (main, writer, projection thread, libuv, GC helpers). */
  readonly server: number | null;
  /** The server's main thread alone: HTTP, Nest and the case engine. */
  readonly serverMainThread: number | null;
  /** The bench process: the undici clients (and the bench's own bookkeeping). */
  readonly client: number;
  /** Every process on the machine, helpers' test runs included. */
  readonly machine: number | null;
  readonly cores: number;
}

function ticks(path: string): number | null {
  try {
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the
    // 14th field of the line, stime the 15th.
    const text = readFileSync(path, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
    return cpu.slice(0, 8).reduce((a, b) => a + b, 0) - cpu[3] - cpu[4];
  } catch {
    return null;
  }
}

/** Starts measuring; `stop()` answers the shares since. */
export function cpuMeter(serverPid: number | undefined): { stop(): CpuShares } {
  const started = performance.now();
  const client = process.cpuUsage();
  const server = serverPid === undefined ? null : ticks(`/proc/${serverPid}/stat`);
  const main = serverPid === undefined ? null : ticks(`/proc/${serverPid}/task/${serverPid}/stat`);
  const machine = machineTicks();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const cores = (t: number | null, t0: number | null): number | null =>
        t === null || t0 === null ? null : Math.round(((t - t0) / TICKS_PER_S / seconds) * 100) / 100;
      const used = process.cpuUsage(client);
      return {
        server: serverPid === undefined ? null : cores(ticks(`/proc/${serverPid}/stat`), server),
        serverMainThread:
          serverPid === undefined ? null : cores(ticks(`/proc/${serverPid}/task/${serverPid}/stat`), main),
        client: Math.round(((used.user + used.system) / 1e6 / seconds) * 100) / 100,
        machine: cores(machineTicks(), machine),
        cores: availableParallelism(),
      };
    },
  };
}
