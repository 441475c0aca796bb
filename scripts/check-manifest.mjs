#!/usr/bin/env node
// Checks custom-elements.json (or the file given) the way a tool reading it would:
// 1. it validates against the custom-elements-manifest JSON schema (the `custom-elements-manifest`
//    package's schema.json; it only uses type, properties, required, items, enum, anyOf and $ref,
//    which the small validator below implements);
// 2. every reference resolves: superclasses, `inheritedFrom` and export declarations name a
//    module in the manifest that declares them, or a package;
// 3. with `--dist`, every module path exists next to the manifest (run after `npm run build`,
//    or on an unpacked tarball);
// 4. every event has a type, and attribute types carry values, not alias names.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const checkDist = args.includes('--dist');
const file = args.find((a) => !a.startsWith('--')) ?? `${root}custom-elements.json`;
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const schema = createRequire(import.meta.url)('custom-elements-manifest/schema.json');
const problems = [];
function fail() {
  console.error(`${file}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

function typeOf(value) {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Returns the errors of `value` against `node` (a subset of draft-07). */
function validate(value, node, path) {
  if (node.$ref) return validate(value, node.$ref.replace('#/', '').split('/').reduce((o, k) => o[k], schema), path);
  if (node.anyOf) {
    const branches = node.anyOf.map((n) => validate(value, n, path));
    return branches.some((e) => e.length === 0) ? [] : [`${path}: matches none of anyOf (${branches.map((e) => e[0]).join(' / ')})`];
  }
  const errors = [];
  if (node.type) {
    const types = [node.type].flat();
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${path}: is ${actual}, not ${types.join('|')}`];
  }
  if (node.enum && !node.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${node.enum.join(', ')}`);
  if (typeOf(value) === 'object') {
    for (const key of node.required ?? []) if (!(key in value)) errors.push(`${path}: lacks "${key}"`);
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      if (key in value) errors.push(...validate(value[key], sub, `${path}.${key}`));
    }
  }
  if (Array.isArray(value) && node.items) value.forEach((item, i) => errors.push(...validate(item, node.items, `${path}[${i}]`)));
  return errors;
}

const supported = new Set(['$schema', '$ref', 'definitions', 'properties', 'description', 'type', 'required', 'enum', 'items', 'anyOf']);
(function keywords(node) {
  if (!node || typeof node !== 'object') return;
  for (const [key, sub] of Object.entries(node)) {
    if (key === 'properties' || key === 'definitions') Object.values(sub).forEach(keywords);
    else if (!supported.has(key) && !/^\d+$/.test(key)) problems.push(`schema uses "${key}", which this check does not implement`);
    else keywords(sub);
  }
})(schema);
problems.push(...validate(manifest, schema, 'manifest'));
if (problems.length) fail();

// References.
const modules = new Map(manifest.modules.map((m) => [m.path, m]));
function resolves(ref, where) {
  if (!ref || ref.package) return;
  const mod = modules.get(ref.module?.replace(/^\//, ''));
  if (!mod) problems.push(`${where}: module ${ref.module} is not in the manifest`);
  else if (!mod.declarations?.some((d) => d.name === ref.name)) problems.push(`${where}: ${ref.module} declares no ${ref.name}`);
}
for (const mod of manifest.modules) {
  if (checkDist && !existsSync(join(dirname(file), mod.path))) problems.push(`${mod.path}: not in the package (build first)`);
  if (!mod.path.startsWith('dist/')) problems.push(`${mod.path}: not a shipped path`);
  for (const exp of mod.exports ?? []) resolves(exp.declaration, `${mod.path} export ${exp.name}`);
  for (const decl of mod.declarations ?? []) {
    const at = `${mod.path} ${decl.name}`;
    resolves(decl.superclass, `${at} superclass`);
    for (const item of [...(decl.members ?? []), ...(decl.attributes ?? []), ...(decl.events ?? [])]) {
      resolves(item.inheritedFrom, `${at}.${item.name} inheritedFrom`);
    }
    for (const event of decl.events ?? []) if (!event.type?.text) problems.push(`${at}: event ${event.name} has no type`);
    for (const attr of decl.attributes ?? []) {
      const text = attr.type?.text ?? '';
      if (/\b[A-Z]\w*\b/.test(text.replace(/'[^']*'/g, ''))) problems.push(`${at}: attribute ${attr.name} has an alias type (${text})`);
    }
  }
}
const defined = manifest.modules.flatMap((m) => m.exports ?? []).filter((e) => e.kind === 'custom-element-definition');
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
for (const tag of tags) if (!defined.some((d) => d.name === tag)) problems.push(`${tag}: no custom-element-definition export`);

if (problems.length) fail();
console.log(`${file}: valid against custom-elements-manifest ${schema.$id ?? 'schema'} (${manifest.schemaVersion}); ${tags.length} elements, every reference resolves`);
