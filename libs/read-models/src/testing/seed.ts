import { WorkingCalendar } from '@one-window/calendar';
import type { EventStore } from '@one-window/event-store';
import { generateCaseHistories, type GeneratorOptions } from './case-history-generator.js';
import { demoGeneratorItems } from './demo-items.js';

/** Appends `count` generated case histories to a store; returns the number of events written. */
export async function seedGeneratedCases(
  store: EventStore,
  count: number,
  options: Partial<Omit<GeneratorOptions, 'items'>> & { readonly skip?: number } = {},
): Promise<number> {
  const items = await demoGeneratorItems();
  let events = 0;
  let index = 0;
  for (const generated of generateCaseHistories((options.skip ?? 0) + count, {
    items,
    calendar: options.calendar ?? WorkingCalendar.create(),
    startDate: options.startDate ?? '2025-09-01',
    spanWorkingDays: options.spanWorkingDays ?? 120,
    seed: options.seed,
  })) {
    if (index++ < (options.skip ?? 0)) continue;
    await store.appendToStream(generated.streamName, generated.events, { expectedRevision: 'no_stream' });
    events += generated.events.length;
  }
  return events;
}
