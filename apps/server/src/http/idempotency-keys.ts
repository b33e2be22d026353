import { problems } from '../problem/problem-details.js';
import type { CommandRequest } from './idempotency-key.js';

/** Keys whose fingerprint this server remembers after their answer (oldest dropped first). */
export const RECENT_KEYS = 100_000;

/**
 * What one server knows of Idempotency-Keys beyond the case streams (draft §2.7). A key whose
 * request is still running answers 409 to a second request with it. A key reused for a request
 * with another fingerprint answers 422: durably when the reuse reaches the same case (its events
 * carry the fingerprint, checked by the case engine), and from this bounded memory when it
 * reaches another case.
 */
export class IdempotencyKeys {
  private readonly inFlight = new Set<string>();
  private readonly recent = new Map<string, string>();

  constructor(private readonly capacity = RECENT_KEYS) {}

  /** Runs `work` for a request, refusing a key in flight or reused for another request. */
  async run<T>(request: CommandRequest, work: () => Promise<T>): Promise<T> {
    const { commandId, fingerprint } = request;
    if (fingerprint === undefined) return work();
    if (this.inFlight.has(commandId)) throw problems.idempotencyKeyInFlight();
    const earlier = this.recent.get(commandId);
    if (earlier !== undefined && earlier !== fingerprint) {
      throw problems.idempotencyKeyMismatch(
        'This Idempotency-Key was already used for a different request; send a new key for a new request',
      );
    }
    this.inFlight.add(commandId);
    try {
      const result = await work();
      this.remember(commandId, fingerprint);
      return result;
    } finally {
      this.inFlight.delete(commandId);
    }
  }

  private remember(commandId: string, fingerprint: string): void {
    this.recent.delete(commandId);
    this.recent.set(commandId, fingerprint);
    if (this.recent.size > this.capacity) this.recent.delete(this.recent.keys().next().value!);
  }
}
