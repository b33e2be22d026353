/**
 * Everything the CLI reads from its environment, read once (at start, by main.ts) and validated
 * there with one clear error per bad variable. Commands take their settings from here; no lib
 * reads `process.env` (ADR 0010).
 */
import { catalogSettingsFromEnv, type CatalogSettings } from '@one-window/catalog';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@one-window/event-store';

export type Env = Readonly<Record<string, string | undefined>>;

export interface CliConfig {
  /** EVENTSTORE_URL, DATA_DIR, EVENTSTORE_SYNCHRONOUS. */
  readonly eventStore: EventStoreConfig;
  /** DATA_DIR: the read models' folder too (undefined: ./data). */
  readonly dataDir: string | undefined;
  /** CATALOG_DIR, CATALOG_CODE_PATTERN. */
  readonly catalog: CatalogSettings;
  /** BLOB_STORE_URL: the attached files' store (ADR 16); undefined: DATA_DIR/blobs. */
  readonly blobStoreUrl: string | undefined;
  /** Who ran the command, for the users log (USER). */
  readonly operator: string;
  /** DEBUG: errors print their stack. */
  readonly debug: boolean;
}

export class CliConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliConfigError';
  }
}

export function loadCliConfig(env: Env): CliConfig {
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  const eventStore = attempt(() => eventStoreConfigFromEnv(env));
  const url = eventStore?.eventStoreUrl;
  if (url !== undefined && !/^esdb(\+discover)?:\/\//.test(url)) {
    problems.push(`EVENTSTORE_URL must be an esdb:// connection string, got "${url}"`);
  }
  const catalog = attempt(() => catalogSettingsFromEnv(env));
  const blobStoreUrl = env.BLOB_STORE_URL?.trim() || undefined;
  if (blobStoreUrl !== undefined && !/^(file:|s3:\/\/)/.test(blobStoreUrl))
    problems.push(`BLOB_STORE_URL must be file:///dir or s3://bucket/prefix, got "${blobStoreUrl}"`);
  if (problems.length > 0 || eventStore === undefined || catalog === undefined) {
    throw new CliConfigError(problems.join('; '));
  }
  return {
    eventStore,
    dataDir: eventStore.dataDir,
    catalog,
    blobStoreUrl,
    operator: `cli:${env.USER ?? 'unknown'}`,
    debug: Boolean(env.DEBUG),
  };
}

let loaded: CliConfig | undefined;

/** The configuration main.ts read at start (read then, on first use, in a command under test). */
export function cliConfig(): CliConfig {
  loaded ??= loadCliConfig(process.env);
  return loaded;
}
