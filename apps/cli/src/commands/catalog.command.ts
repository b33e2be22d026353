import type { Command } from 'commander';
import { formatProblem, loadCatalog, validateCatalogDir } from '@one-window/catalog';

/** Where the catalog commands write, so that tests read their output. */
export interface CatalogCliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface ValidateOptions {
  /** Item code pattern (a regular expression); default: the 31-character implementation code. */
  readonly codePattern?: string;
}

const consoleIo: CatalogCliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** `one-window catalog validate <dir>`: every problem as `file: item: field: message`; exit code 1 if any. */
export async function catalogValidate(
  dir: string,
  options: ValidateOptions,
  io: CatalogCliIo,
): Promise<number> {
  let codePattern: RegExp | undefined;
  try {
    codePattern = options.codePattern === undefined ? undefined : new RegExp(options.codePattern);
  } catch (e) {
    io.err(`--code-pattern: ${(e as Error).message}`);
    return 1;
  }
  const problems = await validateCatalogDir(dir, { codePattern });
  if (problems.length > 0) {
    problems.forEach((p) => io.out(formatProblem(p)));
    io.err(`${problems.length} problem(s) in ${dir}`);
    return 1;
  }
  const catalog = await loadCatalog(dir, { codePattern });
  const items = catalog.list();
  const versions = items.reduce((n, g) => n + catalog.versions(g.code).length, 0);
  io.out(
    `${dir}: OK, ${items.length} items (${versions} guide versions), ` +
      `${catalog.directory.halls().length} halls, ${catalog.directory.departments().length} departments`,
  );
  return 0;
}

export function registerCatalog(program: Command, io: CatalogCliIo = consoleIo): void {
  const catalog = program.command('catalog').description('the service-item catalog');
  catalog
    .command('validate <dir>')
    .description('check a catalog folder (org.json and <itemCode>/v<version>.json), listing every problem')
    .option('--code-pattern <regex>', 'item code pattern (default: the 31-character implementation code)')
    .action(async (dir: string, options: ValidateOptions) => {
      process.exitCode = await catalogValidate(dir, options, io);
    });
}
