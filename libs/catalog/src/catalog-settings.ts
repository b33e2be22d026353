/**
 * The catalog's settings as an application read them at its edge (CATALOG_DIR,
 * CATALOG_CODE_PATTERN). The lib never reads `process.env`: the server's and the CLI's
 * configuration call this with the variables they read once at start.
 */
export interface CatalogSettings {
  /** Catalog folder; undefined means the shipped demo catalog. */
  readonly dir: string | undefined;
  /** Item code pattern; undefined means the 31-character implementation code. */
  readonly codePattern: RegExp | undefined;
}

export class CatalogSettingError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogSettingError';
  }
}

export function catalogSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): CatalogSettings {
  const dir = env.CATALOG_DIR?.trim() || undefined;
  const pattern = env.CATALOG_CODE_PATTERN?.trim() || undefined;
  let codePattern: RegExp | undefined;
  if (pattern !== undefined) {
    try {
      codePattern = new RegExp(pattern);
    } catch {
      throw new CatalogSettingError(
        'CATALOG_CODE_PATTERN',
        `CATALOG_CODE_PATTERN must be a regular expression, got "${pattern}"`,
      );
    }
  }
  return { dir, codePattern };
}
