import type { EventStore } from '../port/types.js';
import { appendContract } from './append.contract.js';
import { badInputContract } from './bad-input.contract.js';
import type { ContractContext, EventStoreFactory, EventStoreFixture } from './contract-support.js';
import { groupCommitContract } from './group-commit.contract.js';
import { idempotencyContract } from './idempotency.contract.js';
import { persistenceContract } from './persistence.contract.js';
import { propertiesContract } from './properties.contract.js';
import { readContract } from './read.contract.js';
import { subscriptionContract } from './subscription.contract.js';

export type { EventStoreFactory, EventStoreFixture } from './contract-support.js';

/**
 * The one suite every EventStore adapter must pass: EventStoreDB's semantics as the port states
 * them. It declares Jest blocks; call it at the top level of an adapter's spec file.
 *
 * Tests never assume an empty log: each uses streams under its own random prefix, so the suite
 * can run against a long-lived server.
 */
export function eventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture | undefined;
    let current: EventStore | undefined;

    const ctx: ContractContext = {
      get store(): EventStore {
        if (current === undefined) throw new Error('no store: the factory did not run');
        return current;
      },
      get canReopen(): boolean {
        return fixture?.reopen !== undefined;
      },
      async reopen(): Promise<EventStore> {
        if (fixture?.reopen === undefined) throw new Error(`${name} cannot reopen its store`);
        current = await fixture.reopen();
        return current;
      },
    };

    beforeEach(async () => {
      fixture = await factory();
      current = fixture.store;
    });

    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
      current = undefined;
    });

    appendContract(ctx);
    idempotencyContract(ctx);
    readContract(ctx);
    subscriptionContract(ctx);
    badInputContract(ctx);
    propertiesContract(ctx);
    persistenceContract(ctx);
    groupCommitContract(ctx);
  });
}
