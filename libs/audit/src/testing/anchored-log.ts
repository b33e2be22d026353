import { EmbeddedEventStore } from '@one-window/event-store';
import { seedGeneratedCases } from '../../../read-models/src/testing/index.js';
import type { AnchoredData } from '../anchor/anchor.js';
import { Anchorer, type AnchorerOptions } from '../anchor/anchorer.js';

/**
 * Writes an embedded log of `cases` generated cases into `dataDir`, anchored once at its end, and
 * closes it: the file a verify test then edits, with the anchor an administrator would have printed.
 */
export async function writeAnchoredLog(
  dataDir: string,
  cases: number,
  options: AnchorerOptions = {},
): Promise<AnchoredData> {
  const store = await EmbeddedEventStore.open({ dataDir, synchronous: 'NORMAL' });
  try {
    await seedGeneratedCases(store, cases);
    const anchorer = new Anchorer(store, options);
    await anchorer.start();
    const anchor = (await anchorer.anchor())!;
    await anchorer.stop();
    return anchor;
  } finally {
    await store.close();
  }
}
