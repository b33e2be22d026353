import { Injectable } from '@nestjs/common';

/** One sweep's view of the guard: what it may delete, and its end. */
export interface SweepWindow {
  /**
   * Runs `remove` for `sha256` unless a command held the hash or an upload stored it since the
   * window opened (or a command holds it now); answers whether it ran. While it runs, a command or
   * an upload of that hash waits for it.
   */
  delete(sha256: string, remove: () => Promise<void>): Promise<boolean>;
  close(): void;
}

/**
 * Keeps the unattached-file sweep (ADR 16) off a file that a command is about to name — one guard
 * in the process, shared by AttachedFiles, the upload route and the sweeper.
 *
 * - A command that attaches files holds their hashes (`hold`) from before it looks them up in the
 *   store until its events are stored or it is refused.
 * - An upload marks its hash once the store has it (`uploaded`).
 * - A sweep opens a window (`openSweep`) before it reads the log. A hash held when the window
 *   opens, or held or uploaded while it is open, is not deleted by that sweep: every command that
 *   names a file is then either in the log the sweep read or in the window.
 * - A hash being deleted makes `hold` and `uploaded` wait for the deletion, so the command then
 *   finds the file gone (blob-not-found, nothing written) instead of naming a file about to vanish;
 *   an upload is also told of a deletion the open sweep finished, so that it checks its file.
 *
 * In-process only: another server sharing the same S3 bucket is kept off by the age cutoff alone.
 */
@Injectable()
export class AttachGuard {
  private readonly held = new Map<string, number>();
  private readonly deleting = new Map<string, Promise<void>>();
  private window: Set<string> | undefined;
  /** The hashes the open sweep has deleted. */
  private deleted = new Set<string>();

  /** Holds `hashes` until the answer is called (once is enough; more calls do nothing). */
  async hold(hashes: readonly string[]): Promise<() => void> {
    const unique = [...new Set(hashes)];
    for (const hash of unique) {
      this.held.set(hash, (this.held.get(hash) ?? 0) + 1);
      this.window?.add(hash);
    }
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      for (const hash of unique) {
        const count = (this.held.get(hash) ?? 1) - 1;
        if (count > 0) this.held.set(hash, count);
        else this.held.delete(hash);
      }
    };
    await this.deletionsOf(unique);
    return release;
  }

  /**
   * An upload stored `sha256`; answers whether the open sweep was deleting it or has deleted it
   * (the upload's own put may have found the file just before it went: the caller checks it is there).
   */
  async uploaded(sha256: string): Promise<boolean> {
    this.window?.add(sha256);
    const pending = await this.deletionsOf([sha256]);
    return pending || this.deleted.has(sha256);
  }

  openSweep(): SweepWindow {
    if (this.window !== undefined) throw new Error('a sweep of unattached files is already running');
    const touched = new Set(this.held.keys());
    const deleted = new Set<string>();
    this.window = touched;
    this.deleted = deleted;
    return {
      delete: async (sha256, remove) => {
        if (touched.has(sha256) || this.held.has(sha256)) return false;
        const deletion = remove();
        this.deleting.set(sha256, deletion);
        try {
          await deletion;
          deleted.add(sha256);
          return true;
        } finally {
          this.deleting.delete(sha256);
        }
      },
      close: () => {
        if (this.window !== touched) return;
        this.window = undefined;
        this.deleted = new Set();
      },
    };
  }

  private async deletionsOf(hashes: readonly string[]): Promise<boolean> {
    const pending = hashes.flatMap((hash) => this.deleting.get(hash) ?? []);
    await Promise.allSettled(pending);
    return pending.length > 0;
  }
}
