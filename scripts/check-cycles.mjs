// Reports import loops between source files (type-only imports included): prints each loop
// and exits 1 if there is any. `node scripts/check-cycles.mjs [folder ...]` (default: src packages).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const roots = (process.argv.length > 2 ? process.argv.slice(2) : ['src', 'packages']).map((r) => resolve(ROOT, r));

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'out' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const p of [base + '.ts', base + '.tsx', join(base, 'index.ts')]) if (existsSync(p)) return p;
  return undefined;
}

const graph = new Map();
for (const r of roots) {
  for (const file of sources(r)) {
    const deps = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => resolveImport(file, f.fileName));
    graph.set(file, deps.filter(Boolean));
  }
}

// Tarjan's strongly connected components: every component of more than one file is a loop.
let index = 0;
const idx = new Map(),
  low = new Map(),
  stack = [],
  onStack = new Set(),
  loops = [];
function visit(v) {
  idx.set(v, index);
  low.set(v, index);
  index++;
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) loops.push(scc);
  }
}
for (const v of graph.keys()) if (!idx.has(v)) visit(v);

for (const l of loops)
  console.log(
    `import loop: ${l
      .map((f) => relative(ROOT, f))
      .sort()
      .join(' ↔ ')}`,
  );
console.log(`${graph.size} files, ${loops.length} import loop(s)`);
process.exit(loops.length ? 1 : 0);
