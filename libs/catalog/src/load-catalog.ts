import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Catalog } from './catalog.js';
import { Directory } from './directory.js';
import type { ServiceGuide } from './guide.js';
import type { OrgDirectoryData } from './org.js';
import { CatalogValidationError, type CatalogProblem } from './problem.js';
import type { FieldProblem } from './validation/flatten-errors.js';
import { validateGuide, type GuideValidationOptions } from './validation/validate-guide.js';
import { validateOrg } from './validation/validate-org.js';
import { LEVELS } from './guide.js';

export type LoadCatalogOptions = GuideValidationOptions;

/** The directory file at the catalog folder's root. */
export const ORG_FILE = 'org.json';
const VERSION_FILE = /^v([1-9]\d*)\.json$/;
const IGNORED = /^(README(\.md)?|\.gitkeep|\.DS_Store)$/i;

/**
 * Loads `<dir>/org.json` and every `<dir>/<itemCode>/v<version>.json`. Throws
 * `CatalogValidationError` with every problem found; never returns a partly valid catalog.
 */
export async function loadCatalog(dir: string, options: LoadCatalogOptions = {}): Promise<Catalog> {
  const read = await readCatalogDir(dir, options);
  if (read.problems.length > 0) throw new CatalogValidationError(dir, read.problems);
  return new Catalog(read.guides, new Directory(read.org!));
}

/** Every problem in a catalog folder (empty when it would load). For `one-window catalog validate`. */
export async function validateCatalogDir(
  dir: string,
  options: LoadCatalogOptions = {},
): Promise<CatalogProblem[]> {
  return (await readCatalogDir(dir, options)).problems;
}

interface GuideFile {
  readonly file: string;
  readonly code: string;
  /** Parsed JSON; a valid `ServiceGuide` only when `valid`. */
  readonly guide: ServiceGuide;
  readonly valid: boolean;
}

interface ReadResult {
  readonly problems: CatalogProblem[];
  readonly guides: ServiceGuide[];
  readonly org?: OrgDirectoryData;
}

async function readCatalogDir(dir: string, options: LoadCatalogOptions): Promise<ReadResult> {
  const problems: CatalogProblem[] = [];
  const report = (file: string, item: string) => (p: FieldProblem) => problems.push({ file, item, ...p });
  if (!(await isDirectory(dir))) {
    return {
      problems: [{ file: '.', item: '-', field: '-', message: `${dir} is not a readable folder` }],
      guides: [],
    };
  }
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));

  const org = await readJson(dir, ORG_FILE, '-', problems);
  const orgProblems = org === undefined ? [] : validateOrg(org);
  orgProblems.forEach(report(ORG_FILE, '-'));
  const validOrg = org !== undefined && orgProblems.length === 0 ? (org as OrgDirectoryData) : undefined;

  const files: GuideFile[] = [];
  for (const entry of entries) {
    if (entry.name === ORG_FILE || IGNORED.test(entry.name)) continue;
    if (!entry.isDirectory()) {
      problems.push({
        file: entry.name,
        item: '-',
        field: '-',
        message: `unexpected file; guides live in <itemCode>/v<version>.json and the directory in ${ORG_FILE}`,
      });
      continue;
    }
    files.push(...(await readItemFolder(dir, entry.name, problems, options)));
  }
  if (validOrg) {
    const directory = new Directory(validOrg);
    for (const f of files) checkReferences(f.guide, directory).forEach(report(f.file, f.code));
    problems.sort(byFile);
  }
  return { problems, guides: files.filter((f) => f.valid).map((f) => f.guide), org: validOrg };
}

async function readItemFolder(
  dir: string,
  code: string,
  problems: CatalogProblem[],
  options: LoadCatalogOptions,
): Promise<GuideFile[]> {
  const entries = (await readdir(join(dir, code), { withFileTypes: true })).filter(
    (e) => !IGNORED.test(e.name),
  );
  const versions: number[] = [];
  const parsed: GuideFile[] = [];
  for (const entry of entries) {
    const file = `${code}/${entry.name}`;
    const match = VERSION_FILE.exec(entry.name);
    if (!entry.isFile() || !match) {
      problems.push({
        file,
        item: code,
        field: '-',
        message: 'unexpected entry; an item folder holds only v<version>.json files',
      });
      continue;
    }
    const version = Number(match[1]);
    versions.push(version);
    const raw = await readJson(dir, file, code, problems);
    if (raw === undefined) continue;
    const found = validateGuide(raw, options);
    const guide = raw as ServiceGuide;
    if (typeof guide.code === 'string' && guide.code !== code)
      found.push({ field: 'code', message: `"${guide.code}" differs from its folder name` });
    if (Number.isInteger(guide.version) && guide.version !== version)
      found.push({
        field: 'version',
        message: `${guide.version} differs from the file name v${version}.json`,
      });
    found.forEach((p) => problems.push({ file, item: code, ...p }));
    if (typeof raw === 'object' && raw !== null)
      parsed.push({ file, code, guide, valid: found.length === 0 });
  }
  versions.sort((a, b) => a - b);
  const missing =
    versions.length === 0
      ? [1]
      : range(1, versions[versions.length - 1]).filter((v) => !versions.includes(v));
  if (missing.length > 0)
    problems.push({
      file: `${code}/`,
      item: code,
      field: '-',
      message: `versions run from v1 without gaps (a case keeps its version): missing ${missing.map((v) => `v${v}.json`).join(', ')}`,
    });
  return parsed;
}

/**
 * The item's department exists and sits at the item's level; every step's department exists.
 * Runs on guides with other problems too, so it only looks at fields of the right shape.
 */
function checkReferences(guide: Partial<ServiceGuide>, directory: Directory): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof guide.department === 'string' && guide.department !== '') {
    const department = directory.department(guide.department);
    if (!department)
      problems.push({ field: 'department', message: `no department "${guide.department}" in ${ORG_FILE}` });
    else if (LEVELS.includes(guide.level!) && department.level !== guide.level)
      problems.push({
        field: 'department',
        message: `department "${guide.department}" is at level ${department.level}, the item at level ${guide.level}`,
      });
  }
  (Array.isArray(guide.steps) ? guide.steps : []).forEach((s: unknown, i) => {
    const name = (s as { department?: unknown } | null)?.department;
    if (typeof name === 'string' && name !== '' && !directory.department(name))
      problems.push({ field: `steps[${i}].department`, message: `no department "${name}" in ${ORG_FILE}` });
  });
  return problems;
}

// Keeps a file's problems together once reference problems are added after the per-file pass.
function byFile(a: CatalogProblem, b: CatalogProblem): number {
  return a.file === b.file ? 0 : a.file.localeCompare(b.file);
}

async function readJson(
  dir: string,
  file: string,
  item: string,
  problems: CatalogProblem[],
): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    problems.push({ file, item, field: '-', message: 'missing or unreadable' });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    problems.push({ file, item, field: '-', message: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
