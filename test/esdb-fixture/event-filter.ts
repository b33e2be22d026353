/** EventStoreDB's server-side $all filter (README.md §Filters). */
import { status } from '@grpc/grpc-js';
import type { LogRecord } from './in-memory-log.js';
import { serviceError } from './messages.js';
import { streamsPb } from './proto.js';

type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;

export interface EventFilter {
  matches(record: LogRecord): boolean;
  /** A checkpoint is due after this many considered events: multiplier × search window. */
  readonly checkpointInterval: number;
}

/** EventStoreDB reads $all in pages of 32 events; that is the default search window. */
const DEFAULT_SEARCH_WINDOW = 32;

export function filterOf(options: ReadOptions): EventFilter | null {
  if (options.getFilterOptionCase() !== streamsPb.ReadReq.Options.FilterOptionCase.FILTER) return null;
  const filter = options.getFilter()!;
  const FilterCase = streamsPb.ReadReq.Options.FilterOptions.FilterCase;
  const onStream = filter.getFilterCase() === FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression)
    throw serviceError(status.INVALID_ARGUMENT, 'a filter needs a stream or event-type expression');
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const pattern = regex ? new RegExp(regex) : null;
  const test = (value: string) => (pattern ? pattern.test(value) : prefixes.some((p) => value.startsWith(p)));
  const multiplier = filter.getCheckpointintervalmultiplier();
  if (multiplier === 0)
    throw serviceError(status.INVALID_ARGUMENT, 'checkpoint interval multiplier must be positive');
  const window =
    filter.getWindowCase() === streamsPb.ReadReq.Options.FilterOptions.WindowCase.MAX
      ? filter.getMax()
      : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (record) => test(onStream ? record.streamName : record.type),
    checkpointInterval: multiplier * window,
  };
}
