import { PositionWaiter } from './position-waiter.js';
import { ReadModelTimeoutError } from './read-model-timeout.error.js';

describe('read-your-writes waits', () => {
  it('resolve once the position is reached, at once when it already is', async () => {
    const waiter = new PositionWaiter();
    const pending = waiter.wait(10, 5_000);
    waiter.update(9);
    waiter.update(12);
    await expect(pending).resolves.toBeUndefined();
    await expect(waiter.wait(12, 5_000)).resolves.toBeUndefined();
  });

  it('reject with a typed error naming where the read models are and when to retry', async () => {
    const waiter = new PositionWaiter();
    waiter.update(3);
    const error = await waiter.wait(10, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadModelTimeoutError);
    expect(error).toMatchObject({
      type: 'read-model-timeout',
      position: 10,
      reached: 3,
      retryAfterSeconds: 1,
    });
  });

  it('are all rejected at shutdown', async () => {
    const waiter = new PositionWaiter();
    const pending = waiter.wait(10, 5_000);
    waiter.cancelAll(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });
});
