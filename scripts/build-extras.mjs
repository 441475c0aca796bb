#!/usr/bin/env node
// The last step of `npm run build`: what dist/ ships besides the bundles and declarations.
// - dist/cdn/: the classic-script loader and the CDN file's types; dist/cdn/elements/, the
//   CDN files per tag, with their types;
// - editor data and framework types, generated from custom-elements.json (the manifest is the
//   single source): VS Code custom data, JetBrains web-types, JSX (React 19 raw tags), Vue
//   GlobalComponents and Svelte svelteHTML.IntrinsicElements.
// The generators are the custom-element-*-integration family. Their TypeScript output is
// patched where it does not compile or types the wrong thing (see `patch*` below).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;
const read = (file) => readFileSync(file, 'utf8');
const write = (file, text) => writeFileSync(file, text);

// --- CDN: the loader (a classic script, shipped as written) and types for both files.
mkdirSync(`${dist}cdn`, { recursive: true });
copyFileSync(`${root}scripts/cdn-loader.js`, `${dist}cdn/chat-block-elements.loader.js`);
write(
  `${dist}cdn/chat-block-elements.d.ts`,
  `// The one-file build registers the tags and exports what chat-block-elements/define.js does.\nexport * from '../define.js';\n`,
);
write(
  `${dist}cdn/chat-block-elements.loader.d.ts`,
  `// A classic script with no exports: it adds chat-block-elements.js (next to it) as a module script.\nexport {};\n`,
);

// --- dist/cdn/elements/: one file per tag (vite.config.ts, mode cdn-elements), each typed as the
// package's own per-tag entry.
await build({ configFile: `${root}vite.config.ts`, root, mode: 'cdn-elements', logLevel: 'warn' });
for (const file of readdirSync(`${root}src/elements`).filter((f) => f.endsWith('.ts'))) {
  const tag = file.slice(0, -3);
  write(`${dist}cdn/elements/${tag}.d.ts`, `// Registers <${tag}> (Lit included) and exports what chat-block-elements/elements/${tag}.js does.\nexport * from '../../elements/${tag}.js';\n`);
}

// --- Editor data and framework types from the manifest.
const manifest = JSON.parse(read(`${root}custom-elements.json`));
// What a template may set: no read-only getters (currentStatus, busy…), no statics.
const settable = structuredClone(manifest);
for (const mod of settable.modules) {
  for (const decl of mod.declarations ?? []) decl.members = decl.members?.filter((m) => !m.readonly && !m.static);
}
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const quiet = { hideLogs: true };
const cwd = process.cwd();
process.chdir(root); // the JetBrains generator reads ./package.json for name and version
try {
  generateVsCodeCustomElementData(manifest, {
    ...quiet,
    outdir: dist,
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    hideMethodDocs: true,
  });
  generateJetBrainsWebTypes(manifest, { ...quiet, outdir: dist, webTypesFileName: 'web-types.json', hideMethodDocs: true });
  const typeOptions = { ...quiet, outdir: dist, globalTypePath: './index.js' };
  generateJsxTypes(settable, { ...typeOptions, fileName: 'jsx.d.ts' });
  generateVuejsTypes(settable, { ...typeOptions, fileName: 'vue.d.ts' });
  generateSvelteTypes(settable, { ...typeOptions, fileName: 'svelte.d.ts' });
} finally {
  process.chdir(cwd);
}

// CSS custom properties have no default in the manifest (the tokens cascade); drop the generators' "(default: undefined)".
for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json']) {
  write(`${dist}${file}`, read(`${dist}${file}`).replaceAll(' _(default: undefined)_', ''));
}

// VS Code: a boolean attribute takes no value (valueSet "v"); one that defaults to true is
// turned off by "false", its only useful value. The generator offers neither.
{
  const data = JSON.parse(read(`${dist}vscode.html-custom-data.json`));
  for (const tag of data.tags) {
    const el = elements.find((e) => e.tagName === tag.name);
    for (const attr of tag.attributes ?? []) {
      const source = el?.attributes?.find((a) => a.name === attr.name);
      if (source?.type?.text !== 'boolean') continue;
      if (source.default === 'true') attr.values = [{ name: 'false', description: 'Turns it off.' }];
      else attr.valueSet = 'v';
    }
  }
  write(`${dist}vscode.html-custom-data.json`, `${JSON.stringify(data, null, 2)}\n`);
  // The shared tokens are listed once per element in the manifest; VS Code wants each once.
  const css = JSON.parse(read(`${dist}vscode.css-custom-data.json`));
  for (const key of ['properties', 'pseudoElements']) {
    css[key] = css[key]?.filter((item, i, all) => all.findIndex((other) => other.name === item.name) === i);
  }
  write(`${dist}vscode.css-custom-data.json`, `${JSON.stringify(css, null, 2)}\n`);
}

const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/**
 * Fixes every generated type file needs: the library's events are Event subclasses with their
 * own `detail`, not `CustomEvent<that class>`; an event class used by two elements is imported
 * twice (TS2300); CSS custom properties have no default to print.
 */
function eventTypes(text) {
  text = text.replace(/import type \{([^}]*)\} from "\.\/index\.js";/, (_, names) => {
    const unique = [...new Set(names.split(',').map((n) => n.trim()).filter(Boolean))];
    return `import type { ${unique.join(', ')} } from './index.js';`;
  });
  // A boolean attribute that defaults to true is turned off by the string "false" (can-block="false").
  for (const el of elements) {
    for (const attr of el.attributes ?? []) {
      if (attr.type?.text !== 'boolean' || attr.default !== 'true') continue;
      const prop = `${el.name}["${attr.fieldName}"]`;
      text = text.replace(new RegExp(`^(\\s*"?(?:${attr.name}|${camel(attr.name)})"?\\?: )${prop.replace(/[[\]"]/g, '\\$&')};`, 'gm'), `$1${prop} | "true" | "false";`);
    }
  }
  return text.replace(/CustomEvent<(\w+Event)>/g, '$1').replaceAll(' _(default: undefined)_', '');
}
const header = (what) =>
  `// Generated from custom-elements.json by scripts/build-extras.mjs (custom-element-${what}-integration, patched).\n`;
// Properties whose attribute has another name (customerName / customer-name): hosts that set
// properties (React 19, Svelte) need the property name for booleans that default to true.
const renamed = elements.map((el) => ({
  el,
  fields: (el.attributes ?? []).filter((a) => a.fieldName && a.fieldName !== a.name).map((a) => `'${a.fieldName}'`),
}));

// JSX: the generated CustomElements type, plus React 19's JSX.IntrinsicElements for the raw tags,
// each also taking React's own DOM props (onClick, aria-*, className…) and a typed ref.
{
  let text = eventTypes(read(`${dist}jsx.d.ts`));
  text = text.replace(/^import type \{/m, "import type * as React from 'react';\nimport type {");
  text += `
type ReactProps<E, P> = P & Omit<React.HTMLAttributes<E>, keyof P> & { ref?: React.Ref<E>; key?: React.Key };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${renamed
  .map(({ el, fields }) => {
    const props = `CustomElements['${el.tagName}']${fields.length ? ` & Partial<Pick<${el.name}, ${fields.join(' | ')}>>` : ''}`;
    return `      '${el.tagName}': ReactProps<${el.name}, ${props}>;`;
  })
  .join('\n')}
    }
  }
}
`;
  write(`${dist}jsx.d.ts`, header('jsx') + text);
}

// Vue: vue-tsc matches @chat-block-change to an onChatBlockChange prop and customer-name to
// customerName; the global JSX
// namespace the generator also declares would leak DefineComponent types into other JSX setups.
{
  let text = eventTypes(read(`${dist}vue.d.ts`));
  text = text.replace(/"on(chat-[\w-]+)"\?:/g, (_, name) => `${camel(`on-${name}`)}?:`);
  // Vue normalizes customer-name to customerName before it checks props.
  text = text.replace(/^(\s*)"([a-z]+(?:-[a-z]+)+)"\?:/gm, (_, space, name) => `${space}${camel(name)}?:`);
  text = text.replace(/\n\s*declare global \{\s*namespace JSX \{[\s\S]*?\n\s*\}\s*\n\s*\}\s*$/, '\n');
  if (text.includes('namespace JSX')) throw new Error('vue.d.ts: could not remove the global JSX namespace');
  write(`${dist}vue.d.ts`, header('vuejs') + text);
}

// Svelte: the generator's BaseProps use a global JSX namespace Svelte does not have, and its
// svelteHTML namespace sits in a module (the file imports types), where Svelte does not see
// it: it goes into `declare global`. Svelte 5 listens with onchat-… attributes, Svelte 4 with on:chat-….
{
  let text = eventTypes(read(`${dist}svelte.d.ts`));
  text = text
    .replace('children?: JSX.Element;', 'children?: unknown;')
    .replace('style?: JSX.CSSProperties;', 'style?: string;')
    .replace(/^(\s*)"on:(chat-[\w-]+)"\?: (.*)$/gm, '$1"on:$2"?: $3\n$1"on$2"?: $3')
    .replace(/declare namespace svelteHTML \{([\s\S]*)\}\s*$/, 'declare global {\n  namespace svelteHTML {$1}\n}\n');
  if (/JSX\./.test(text) || !text.includes('declare global')) throw new Error('svelte.d.ts: patch did not apply');
  write(`${dist}svelte.d.ts`, header('svelte') + text);
}

// Runtime stubs so `import 'chat-block-elements/vue'` (or /jsx, /svelte) also works outside type positions.
for (const name of ['jsx', 'vue', 'svelte']) write(`${dist}${name}.js`, '// Types only: see the .d.ts next to this file.\nexport {};\n');

console.log(`build-extras: dist/cdn loader, per-tag files and types; editor data and JSX / Vue / Svelte types for ${elements.length} elements`);
