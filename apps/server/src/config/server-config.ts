import { resolve } from 'node:path';
import { BlobStoreError, parseS3Url } from '@one-window/blob-store';
import { DEFAULT_NEXT_YEAR_WARNING_FROM, isDayOfYear } from '@one-window/calendar';
import { DEFAULT_CASE_POLICY } from '@one-window/case';
import { catalogSettingsFromEnv, type CatalogSettings } from '@one-window/catalog';
import { eventStoreConfigFromEnv, type Synchronous } from '@one-window/event-store';
import { DEFAULT_SLOT_POLICY, type SlotPolicy } from '@one-window/appointments';
import { loadOrCreateAuthSecret } from './auth-secret.js';

/** Everything the server reads from its environment, resolved once at start. */
export interface ServerConfig {
  /** An `esdb://` connection string selects EventStoreDB; undefined means the embedded store. */
  readonly eventStoreUrl: string | undefined;
  readonly dataDir: string;
  /** CATALOG_DIR and CATALOG_CODE_PATTERN (a regular expression); unset: the shipped demo catalog. */
  readonly catalog: CatalogSettings;
  /** EVENTSTORE_SYNCHRONOUS: the embedded store's `synchronous` (FULL by default; NORMAL trades power-loss safety for speed). */
  readonly eventStoreSynchronous: Synchronous | undefined;
  readonly port: number;
  readonly host: string;
  /** HMAC key that signs bearer tokens. */
  readonly authSecret: string;
  /** Older keys whose tokens are still accepted (AUTH_SECRET_PREVIOUS, comma-separated): key rotation. */
  readonly authPreviousSecrets: readonly string[];
  readonly tokenTtlSeconds: number;
  /** RATING_LINK_TTL_DAYS: how long a QR rating link (sealed with a key derived from AUTH_SECRET) stays valid. */
  readonly ratingLinkTtlDays: number;
  /** PUBLIC_BASE_URL: the origin applicants reach the public pages at (links, QR codes); unset: the request's own. */
  readonly publicBaseUrl: string | undefined;
  /** METRICS_TOKEN: the bearer token Prometheus scrapes GET /metrics with (≥ 32 characters); unset, /metrics is off. */
  readonly metricsToken: string | undefined;
  /** Request bodies above this many bytes are refused with 413 before parsing. */
  readonly bodyLimitBytes: number;
  /** REGISTER_EXPORT_MAX_ROWS: the most cases one register export (GET /api/cases/export) holds (10,000). */
  readonly registerExportMaxRows: number;
  /** How long a read with `?minPosition=` waits for the read models before answering 503. */
  readonly readWaitMs: number;
  /** How often the durable-timer scheduler looks for due deadlines (the deadlines themselves are data). */
  readonly timerPollMs: number;
  /** Anchors of the hash-chained log (ADR 13): one every this many events… */
  readonly auditAnchorEveryEvents: number;
  /** …or every this many minutes when anything was written. */
  readonly auditAnchorEveryMinutes: number;
  /**
   * Yellow warning this many working days before a decision due date. ONE setting for both the
   * read side (board, timers) and the case engine (which refuses a warning it thinks too early),
   * so the two cannot disagree; see warning-settings.ts.
   */
  readonly warningWorkingDays: number;
  /** `MM-DD`: from this day on, a missing schedule for next year is a warning (ADR 12; default 11-01). */
  readonly calendarWarningFrom: string;
  /** DEMO_USERS=on (npm start): demo users, only on the embedded store, only into an empty users stream. */
  readonly seedDemoUsers: boolean;
  readonly logLevel: string;
  /** Attached files (ADR 16): where they are stored and how large they may be. */
  readonly blobs: BlobSettings;
  /**
   * Appointment slots (ADR 17): APPOINTMENT_SEATS per regular slot (4), APPOINTMENT_FLEX_SEATS per
   * 早晚弹性办 slot (2) and APPOINTMENT_REST_DAY_SEATS per rest-day 预约服务 slot (1; 0 publishes
   * none of that kind), APPOINTMENT_BOOK_AHEAD_DAYS (14). APPOINTMENT_HALL_SEATS gives a hall its
   * own: `hall-150102=6/3/1,hall-150203=2` (regular/flex/rest-day; a part left out is the server's).
   */
  readonly appointments: SlotPolicy & { readonly halls: Readonly<Record<string, Partial<SlotPolicy>>> };
  /** Where the compiled console (HTML, CSS, JS) is served from; undefined disables it. */
  readonly consoleDir: string | undefined;
}

export interface BlobSettings {
  /** BLOB_STORE_URL: unset or `file:` — DATA_DIR/blobs; `file:///dir`; `s3://key:secret@bucket/prefix?endpoint=…`. */
  readonly url: string | undefined;
  /** BLOB_MAX_FILE_BYTES: one uploaded file at most (20 MB by default). */
  readonly maxFileBytes: number;
  /** BLOB_MAX_CASE_BYTES: every file attached to one case together at most (100 MB by default). */
  readonly maxCaseBytes: number;
  /**
   * BLOB_UNATTACHED_TTL_HOURS: a file no case event names is deleted once it was stored this many
   * hours ago (24 by default, 1–8760), by a sweep at most hourly (ADR 16).
   */
  readonly unattachedTtlHours: number;
}

export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** APPOINTMENT_HALL_SEATS: `hall=regular[/flex[/rest-day]]`, comma-separated (ADR 17). */
function hallSeats(raw: string | undefined): Record<string, Partial<SlotPolicy>> {
  const halls: Record<string, Partial<SlotPolicy>> = {};
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(\d{1,3})(?:\/(\d{1,3}))?(?:\/(\d{1,3}))?$/.exec(entry);
    const [regular, flex, rest] = (match?.slice(2) ?? []).map((n) =>
      n === undefined ? undefined : Number(n),
    );
    if (!match || regular! < 1 || regular! > 500 || flex! > 500 || rest! > 500)
      throw new ConfigError(
        `APPOINTMENT_HALL_SEATS must be hall=seats[/flex seats[/rest-day seats]], seats 1–500 and the others 0–500, comma-separated; got "${entry}"`,
      );
    halls[match[1]] = {
      capacity: regular,
      ...(flex === undefined ? {} : { flexCapacity: flex }),
      ...(rest === undefined ? {} : { restDayCapacity: rest }),
    };
  }
  return halls;
}

export function loadServerConfig(
  env: Env = process.env,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || undefined;
  if (
    eventStoreUrl !== undefined &&
    !eventStoreUrl.startsWith('esdb://') &&
    !eventStoreUrl.startsWith('esdb+discover://')
  ) {
    throw new ConfigError(`EVENTSTORE_URL must be an esdb:// connection string, got "${eventStoreUrl}"`);
  }
  const dataDir = resolve(overrides.dataDir ?? env.DATA_DIR ?? './data');
  if (eventStoreUrl !== undefined && !env.AUTH_SECRET && overrides.authSecret === undefined) {
    // Each server would make its own key: a token from one would be refused by the next.
    throw new ConfigError(
      'AUTH_SECRET is required with EVENTSTORE_URL: every server sharing one EventStoreDB must sign tokens with the same key',
    );
  }
  const authSecret = overrides.authSecret ?? (env.AUTH_SECRET || loadOrCreateAuthSecret(dataDir));
  if (authSecret.length < 32) throw new ConfigError('AUTH_SECRET must be at least 32 characters');
  const authPreviousSecrets = (env.AUTH_SECRET_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (env.METRICS_TOKEN !== undefined && env.METRICS_TOKEN.length < 32)
    throw new ConfigError('METRICS_TOKEN must be at least 32 characters');
  if (authPreviousSecrets.some((s) => s.length < 32))
    throw new ConfigError('every AUTH_SECRET_PREVIOUS key must be at least 32 characters');
  let eventStoreSynchronous: Synchronous | undefined;
  try {
    eventStoreSynchronous = eventStoreConfigFromEnv(env).synchronous;
  } catch {
    throw new ConfigError(
      `EVENTSTORE_SYNCHRONOUS must be FULL or NORMAL, got "${env.EVENTSTORE_SYNCHRONOUS}"`,
    );
  }
  let catalog: CatalogSettings;
  try {
    catalog = catalogSettingsFromEnv(env);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  return {
    eventStoreUrl,
    dataDir,
    blobs: blobSettings(env),
    appointments: {
      slotMinutes: DEFAULT_SLOT_POLICY.slotMinutes,
      capacity: integer(env, 'APPOINTMENT_SEATS', DEFAULT_SLOT_POLICY.capacity, 1, 500),
      flexCapacity: integer(env, 'APPOINTMENT_FLEX_SEATS', DEFAULT_SLOT_POLICY.flexCapacity, 0, 500),
      restDayCapacity: integer(
        env,
        'APPOINTMENT_REST_DAY_SEATS',
        DEFAULT_SLOT_POLICY.restDayCapacity,
        0,
        500,
      ),
      bookAheadDays: integer(env, 'APPOINTMENT_BOOK_AHEAD_DAYS', DEFAULT_SLOT_POLICY.bookAheadDays, 0, 90),
      halls: hallSeats(env.APPOINTMENT_HALL_SEATS),
    },
    catalog,
    eventStoreSynchronous,
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    authSecret,
    authPreviousSecrets,
    metricsToken: env.METRICS_TOKEN || undefined,
    tokenTtlSeconds: integer(env, 'AUTH_TOKEN_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    ratingLinkTtlDays: integer(env, 'RATING_LINK_TTL_DAYS', 90, 1, 366),
    publicBaseUrl: publicBaseUrl(env.PUBLIC_BASE_URL),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    readWaitMs: integer(env, 'READ_WAIT_MS', 5000, 0, 60_000),
    registerExportMaxRows: integer(env, 'REGISTER_EXPORT_MAX_ROWS', 10_000, 1, 100_000),
    timerPollMs: integer(env, 'TIMER_POLL_MS', 10_000, 100, 3_600_000),
    auditAnchorEveryEvents: integer(env, 'AUDIT_ANCHOR_EVERY_EVENTS', 10_000, 1, 10_000_000),
    auditAnchorEveryMinutes: integer(env, 'AUDIT_ANCHOR_EVERY_MINUTES', 10, 1, 7 * 24 * 60),
    warningWorkingDays: integer(env, 'WARNING_WORKING_DAYS', DEFAULT_CASE_POLICY.warningWorkingDays, 1, 30),
    calendarWarningFrom: dayOfYear(env, 'CALENDAR_WARNING_FROM', DEFAULT_NEXT_YEAR_WARNING_FROM),
    seedDemoUsers: eventStoreUrl === undefined && env.DEMO_USERS === 'on',
    logLevel: env.LOG_LEVEL ?? 'info',
    consoleDir: undefined,
    ...overrides,
  };
}

function publicBaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) URL, got "${raw}"`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function dayOfYear(env: Env, name: string, fallback: string): string {
  const value = env[name] ?? fallback;
  if (!isDayOfYear(value))
    throw new ConfigError(`${name} must be a day of the year written MM-DD, got "${value}"`);
  return value;
}

const MB = 1024 * 1024;

function blobSettings(env: Env): BlobSettings {
  const url = env.BLOB_STORE_URL?.trim() || undefined;
  if (url !== undefined) {
    try {
      if (url.startsWith('s3:')) parseS3Url(url);
      else if (url !== 'file:' && !url.startsWith('file:///'))
        throw new ConfigError('the scheme must be file: (file:///absolute/dir) or s3://');
    } catch (error) {
      const reason =
        error instanceof BlobStoreError || error instanceof ConfigError ? error.message : String(error);
      throw new ConfigError(`BLOB_STORE_URL is not a blob store address: ${reason}`);
    }
  }
  const maxFileBytes = integer(env, 'BLOB_MAX_FILE_BYTES', 20 * MB, 1024, 4096 * MB);
  const maxCaseBytes = integer(env, 'BLOB_MAX_CASE_BYTES', 100 * MB, 1024, 1024 * 1024 * MB);
  if (maxCaseBytes < maxFileBytes)
    throw new ConfigError(
      `BLOB_MAX_CASE_BYTES (${maxCaseBytes}) must be at least BLOB_MAX_FILE_BYTES (${maxFileBytes})`,
    );
  const unattachedTtlHours = integer(env, 'BLOB_UNATTACHED_TTL_HOURS', 24, 1, 366 * 24);
  return { url, maxFileBytes, maxCaseBytes, unattachedTtlHours };
}
