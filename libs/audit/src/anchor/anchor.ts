/** The `audit` stream holds the log's own audit events: anchors, and where an old log's chain starts. */
export { AUDIT_STREAM, CHAIN_STARTED } from '@one-window/event-store';
export const ANCHORED = 'audit.Anchored';

/** `audit.Anchored`: the Merkle root over every stream's head after the event at `position`. */
export interface AnchoredData {
  readonly position: number;
  readonly streams: number;
  /** Lowercase hex SHA-256. */
  readonly root: string;
}

const FORM = 'ow-anchor-1';

/** One line for the administrator to keep outside the system: `ow-anchor-1:<position>:<streams>:<root>`. */
export function formatAnchor(anchor: AnchoredData): string {
  return `${FORM}:${anchor.position}:${anchor.streams}:${anchor.root}`;
}

export class AnchorFormatError extends Error {
  readonly type = 'anchor-format' as const;
}

export function parseAnchor(text: string): AnchoredData {
  const parts = text.trim().split(':');
  const [form, position, streams, root] = parts;
  if (
    parts.length !== 4 ||
    form !== FORM ||
    !/^[1-9][0-9]{0,15}$/.test(position) ||
    !/^[0-9]{1,16}$/.test(streams) ||
    !/^[0-9a-f]{64}$/.test(root)
  ) {
    throw new AnchorFormatError(
      `"${text.slice(0, 120)}" is not an anchor; expected ${FORM}:<position>:<streams>:<64 hex digits>, as "one-window audit anchor" prints it`,
    );
  }
  return { position: Number(position), streams: Number(streams), root };
}

export function isAnchoredData(value: unknown): value is AnchoredData {
  const v = value as Partial<AnchoredData> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.position) &&
    Number.isSafeInteger(v.streams) &&
    typeof v.root === 'string' &&
    /^[0-9a-f]{64}$/.test(v.root)
  );
}
