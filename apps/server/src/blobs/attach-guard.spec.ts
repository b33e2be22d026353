import { AttachGuard } from './attach-guard.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** A deletion that ends when the test says. */
function gate(): { remove: () => Promise<void>; open: () => void; ran: () => boolean } {
  let open = (): void => undefined;
  let ran = false;
  const done = new Promise<void>((resolve) => (open = resolve));
  return {
    remove: () => {
      ran = true;
      return done;
    },
    open: () => open(),
    ran: () => ran,
  };
}

describe('AttachGuard: the sweep never deletes a file a command is about to name (ADR 16)', () => {
  it('a hash held when the sweep opens is kept by that sweep, even once released', async () => {
    const guard = new AttachGuard();
    const release = await guard.hold([A]);
    const sweep = guard.openSweep();
    release();
    expect(await sweep.delete(A, async () => undefined)).toBe(false);
    expect(await sweep.delete(B, async () => undefined)).toBe(true);
    sweep.close();
    // The command's event is in the log the next sweep reads; the guard no longer stands in the way.
    const next = guard.openSweep();
    expect(await next.delete(A, async () => undefined)).toBe(true);
    next.close();
  });

  it('a hash held or uploaded while the sweep is open is kept by it', async () => {
    const guard = new AttachGuard();
    const sweep = guard.openSweep();
    (await guard.hold([A, A]))();
    expect(await guard.uploaded(B)).toBe(false);
    let removed = 0;
    expect(await sweep.delete(A, async () => void removed++)).toBe(false);
    expect(await sweep.delete(B, async () => void removed++)).toBe(false);
    expect(removed).toBe(0);
    sweep.close();
  });

  it('a command holding a hash being deleted waits for the deletion, then finds the file gone', async () => {
    const guard = new AttachGuard();
    const sweep = guard.openSweep();
    const deletion = gate();
    const deleted = sweep.delete(A, deletion.remove);
    expect(deletion.ran()).toBe(true);
    let held = false;
    const holding = guard.hold([A]).then((release) => {
      held = true;
      return release;
    });
    const uploading = guard.uploaded(A);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held).toBe(false);
    deletion.open();
    expect(await deleted).toBe(true);
    (await holding)();
    expect(held).toBe(true);
    // The upload is told a deletion was under way: its route checks the file is still there.
    expect(await uploading).toBe(true);
    sweep.close();
  });

  it('an upload is told of a deletion the open sweep finished, and of none after the sweep', async () => {
    const guard = new AttachGuard();
    const sweep = guard.openSweep();
    expect(await sweep.delete(A, async () => undefined)).toBe(true);
    expect(await guard.uploaded(A)).toBe(true);
    expect(await guard.uploaded(B)).toBe(false);
    sweep.close();
    expect(await guard.uploaded(A)).toBe(false);
  });

  it('holds are counted: a hash two commands hold stays held until both release', async () => {
    const guard = new AttachGuard();
    const first = await guard.hold([A]);
    const second = await guard.hold([A]);
    first();
    first();
    const sweep = guard.openSweep();
    expect(await sweep.delete(A, async () => undefined)).toBe(false);
    sweep.close();
    second();
    const next = guard.openSweep();
    expect(await next.delete(A, async () => undefined)).toBe(true);
    next.close();
  });

  it('one sweep at a time', () => {
    const guard = new AttachGuard();
    const sweep = guard.openSweep();
    expect(() => guard.openSweep()).toThrow(/already running/);
    sweep.close();
    guard.openSweep().close();
  });
});
