import { InFlightCommands } from './in-flight-commands.js';

describe('InFlightCommands', () => {
  it('drains only when every tracked command has finished', async () => {
    const inFlight = new InFlightCommands();
    let finish!: () => void;
    const command = inFlight.track(
      () => new Promise<string>((resolve) => (finish = () => resolve('stored'))),
    );
    expect(inFlight.count).toBe(1);
    let drained = false;
    const drain = inFlight.drain(10_000).then((left) => {
      drained = true;
      return left;
    });
    await Promise.resolve();
    expect(drained).toBe(false);
    finish();
    expect(await command).toBe('stored');
    expect(await drain).toBe(0);
    expect(inFlight.count).toBe(0);
  });

  it('gives up after the bound and says how many were left', async () => {
    const inFlight = new InFlightCommands();
    void inFlight.track(() => new Promise(() => undefined));
    expect(await inFlight.drain(10)).toBe(1);
  });
});
