// npm run arch: the shape of the house, checked (ADR 0010). Fails (exit 1) on
//   - an import of apps/ from libs/,
//   - a lib reading process.env outside its tests and testing/ helpers,
//   - an import cycle between libs (value imports of @one-window/* in production files),
//   - a cycle of value imports between the production files of one lib,
//   - an import by apps/cli of anything under apps/server/src but its public entry (index.ts),
//   - a lib's main entry (libs/<lib>/src/index.ts) that reaches Nest: a `@Module` class or an
//     `@nestjs/*` value import among the files it loads (they belong in `@one-window/<lib>/nest`);
// and prints, for the last transition added (the newest commit that added a case event type to
// libs/case/src/events.ts or in a command slice), the production files that commit touched.
// Reads files as text; `import type` and `export type` lines are not edges (they vanish at build).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const libsDir = join(root, 'libs');

/** Test code: specs, testing/ helpers and fixtures may do what production code may not. */
const isTestFile = (file) => /\.(spec|test)\.ts$/.test(file) || file.split(sep).includes('testing');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** The value imports of a file: [specifier, line], skipping `import type` / `export type` unless `types`. */
function valueImports(text, { types = false } = {}) {
  const found = [];
  const pattern =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    const specifier = match[3] ?? match[4];
    if (match[2] && !types) continue; // type-only
    const line = text.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
    found.push([specifier, line]);
  }
  return found;
}

const problems = [];
const libFiles = walk(libsDir);
const libOf = (file) => relative(libsDir, file).split(sep)[0];
const libGraph = new Map(); // lib -> Map(lib -> first file importing it)
const fileGraph = new Map(); // production file -> Set(production file)

for (const file of libFiles) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(root, file);
  const test = isTestFile(file);
  if (!test) {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (/\bprocess\.env\b/.test(code) && !/^\s*\*/.test(code)) {
        problems.push(
          `${rel}:${i + 1}: a lib reads process.env (read it in the app's config and pass it in)`,
        );
      }
    });
  }
  for (const [specifier, line] of valueImports(text)) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      if (relative(root, target).split(sep)[0] === 'apps') {
        problems.push(`${rel}:${line}: a lib imports from apps/ ("${specifier}")`);
        continue;
      }
      if (!test) {
        const targetFile = target.replace(/\.js$/, '.ts');
        if (!isTestFile(targetFile) && libOf(targetFile) === libOf(file)) {
          if (!fileGraph.has(file)) fileGraph.set(file, new Set());
          fileGraph.get(file).add(targetFile);
        }
      }
    } else if (specifier.startsWith('@one-window/')) {
      const lib = specifier.split('/')[1];
      if (test || lib === libOf(file)) continue;
      const from = libOf(file);
      if (!libGraph.has(from)) libGraph.set(from, new Map());
      if (!libGraph.get(from).has(lib)) libGraph.get(from).set(lib, rel);
    } else if (/^(\.\.\/)*apps\//.test(specifier)) {
      problems.push(`${rel}:${line}: a lib imports from apps/ ("${specifier}")`);
    }
  }
}

// The CLI reaches the server only through the server's public entry (apps/server/src/index.ts,
// ADR 0010); type imports count too: they tie the CLI to the server's insides all the same.
const serverSrc = join(root, 'apps', 'server', 'src');
const serverEntry = join(serverSrc, 'index.ts');
const cliDir = join(root, 'apps', 'cli', 'src');
for (const file of existsSync(cliDir) ? walk(cliDir) : []) {
  for (const [specifier, line] of valueImports(readFileSync(file, 'utf8'), { types: true })) {
    if (!specifier.startsWith('.')) continue;
    const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
    if (target.startsWith(serverSrc + sep) && target !== serverEntry) {
      problems.push(
        `${relative(root, file)}:${line}: the CLI imports the server's insides ("${specifier}"); use apps/server/src/index.ts`,
      );
    }
  }
}

// A lib's main entry is its pure code: following its value imports (within the lib and into other
// libs' entries), no file may declare a `@Module` or value-import `@nestjs/*` (ADR 0010, issue 14).
// The Nest pieces are `@one-window/<lib>/nest` (libs/<lib>/src/nest/index.ts).
/** Where a specifier leads among the lib files, or undefined (a package, or a file that is not there). */
function libTarget(file, specifier) {
  if (specifier.startsWith('.')) return resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
  const entry = /^@one-window\/([a-z-]+)(\/[a-z-]+)?$/.exec(specifier);
  return entry
    ? join(libsDir, entry[1], 'src', ...(entry[2] ? [entry[2].slice(1)] : []), 'index.ts')
    : undefined;
}
/** A value import of a package that brings in at least one value (not `import { type A }` only). */
const bindsValue = (text, specifier) =>
  [...text.matchAll(/(?:^|\n)\s*import\s+(?!type\s)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/g)]
    .filter((m) => m[2] === specifier)
    .some(
      (m) =>
        !/^\{[^}]*\}$/.test(m[1].trim()) ||
        m[1]
          .replace(/[{}]/g, '')
          .split(',')
          .some((n) => n.trim() && !/^type\s/.test(n.trim())),
    );
for (const lib of readdirSync(libsDir)) {
  const entry = join(libsDir, lib, 'src', 'index.ts');
  if (!existsSync(entry)) continue;
  const via = new Map([[entry, null]]); // file -> the file that loaded it
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    const text = readFileSync(file, 'utf8');
    const nest =
      (/^\s*@Module\(/m.test(text) && '@Module class') ||
      valueImports(text)
        .map(([specifier]) => specifier)
        .find((specifier) => specifier.startsWith('@nestjs/') && bindsValue(text, specifier));
    if (nest) {
      const chain = [];
      for (let at = file; at; at = via.get(at)) chain.unshift(relative(root, at));
      problems.push(
        `@one-window/${lib} (its index.ts) reaches Nest (${nest}) through ${chain.join(' -> ')}; a Nest module belongs in its lib's /nest entry`,
      );
      break;
    }
    for (const [specifier] of valueImports(text)) {
      const target = libTarget(file, specifier);
      if (target && existsSync(target) && !via.has(target)) {
        via.set(target, file);
        queue.push(target);
      }
    }
  }
}

/** Every cycle's nodes, one per strongly connected component of more than one node (Tarjan). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (node) => {
    info.set(node, { index, low: index, onStack: true });
    index++;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!info.has(next)) {
        visit(next);
        info.get(node).low = Math.min(info.get(node).low, info.get(next).low);
      } else if (info.get(next).onStack) {
        info.get(node).low = Math.min(info.get(node).low, info.get(next).index);
      }
    }
    if (info.get(node).low === info.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        info.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.reverse());
    }
  };
  for (const node of graph.keys()) if (!info.has(node)) visit(node);
  return found;
}

const libEdges = new Map([...libGraph].map(([from, to]) => [from, new Set(to.keys())]));
for (const component of cycles(libEdges)) {
  const arrows = component.flatMap((from) =>
    component
      .filter((to) => libGraph.get(from)?.has(to))
      .map((to) => `${from} -> ${to} (${libGraph.get(from).get(to)})`),
  );
  problems.push(`libs import each other in a circle: ${component.join(', ')}\n    ${arrows.join('\n    ')}`);
}
for (const component of cycles(fileGraph)) {
  problems.push(
    `files of lib ${libOf(component[0])} import each other in a circle: ${component.map((f) => relative(root, f)).join(' -> ')}`,
  );
}

// The last transition added: the newest commit that added a case event type, to the list of
// libs/case/src/events.ts or as a command slice's `events: [...]` (libs/case/src/slices, ADR 0010).
const EVENT_PATHS = ['libs/case/src/events.ts', 'libs/case/src/slices/'];
/** The event types a diff adds (`+`) or removes (`-`): lines of events.ts's list, a slice's `events: [...]`. */
function eventTypesIn(diff, sign) {
  return diff.split(/^diff --git /m).flatMap((fileDiff) => {
    if (fileDiff.startsWith('a/libs/case/src/events.ts ')) {
      return [...fileDiff.matchAll(new RegExp(`^\\${sign}\\s+'(case\\.[A-Za-z]+)',$`, 'gm'))].map((m) => m[1]);
    }
    // A slice names other event types too (labels, guards): only its `events: [...]` adds one.
    return [...fileDiff.matchAll(new RegExp(`^\\${sign}\\s*events: \\[([^\\]]*)\\]`, 'gm'))].flatMap((m) =>
      [...m[1].matchAll(/'(case\.[A-Za-z]+)'/g)].map((n) => n[1]),
    );
  });
}

function lastTransition() {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  let log;
  try {
    log = git('log', '--format=%H', '-G', "'case\\.[A-Za-z]+'", '--', ...EVENT_PATHS);
  } catch {
    return 'last transition: no git history here';
  }
  for (const sha of log.split('\n').filter(Boolean)) {
    const diff = git('show', '--format=', '--unified=0', sha, '--', ...EVENT_PATHS);
    const removed = new Set(eventTypesIn(diff, '-'));
    const fresh = eventTypesIn(diff, '+').filter((type) => !removed.has(type));
    if (fresh.length === 0) continue;
    const files = git('show', '--format=', '--name-only', sha)
      .split('\n')
      .filter(
        (f) =>
          /^(apps|libs)\/.*\.(ts|css|html)$/.test(f) && !isTestFile(f) && !f.startsWith('apps/server/test/'),
      );
    const subject = git('show', '-s', '--format=%h %s', sha).trim();
    return [
      `last transition added: ${fresh.join(', ')} in ${subject.slice(0, 100)}`,
      `  production files touched: ${files.length}`,
      ...files.map((f) => `    ${f}`),
    ].join('\n');
  }
  return 'last transition: none found';
}

const libCount = new Set(libFiles.map(libOf)).size;
const arrows = [...libEdges.values()].reduce((n, to) => n + to.size, 0);
console.log(`arch: ${libFiles.length} lib files in ${libCount} libs, ${arrows} arrows between libs`);
console.log(lastTransition());
if (problems.length > 0) {
  console.error(`arch: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  'arch: no lib imports apps/, no lib reads process.env, no import cycle, the CLI reaches the server only through its entry, no lib entry reaches Nest',
);
