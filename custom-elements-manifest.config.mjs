// `npm run analyze` writes custom-elements.json from the components' JSDoc. The manifest is
// the single source of the API for tools: editor data and framework types are generated
// from it at build time (scripts/generate-integrations.mjs), and it describes what ships
// (paths in dist/), so every module, superclass and definition it names can be resolved.

/**
 * Type aliases whose values tools need (an editor offers `status="blocked"`, not `"PillStatus"`).
 * Aliases of string-literal unions declared in the analyzed files are collected automatically;
 * these come from dependencies.
 */
const SIDES = ['top', 'right', 'bottom', 'left'];
const EXTERNAL_ALIASES = {
  // @floating-ui/dom's Placement: Side | `${Side}-${Alignment}`.
  Placement: SIDES.flatMap((side) => [side, `${side}-start`, `${side}-end`]).map((p) => `'${p}'`).join(' | '),
};

/** Where a source module ships: src/components/x/x.ts → dist/components/x/x.js. */
const shippedPath = (path) => path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');

/**
 * Keeps the manifest to the public contract of what ships:
 * - no private or protected members, no `_` fields, no internal base classes: their public
 *   members are inlined (no `inheritedFrom` pointing at a module that is not in the manifest)
 *   and the superclass is Lit's `LitElement`;
 * - type aliases of literal unions expanded to their values;
 * - module paths in dist/, plus the modules that define the tags (`dist/define.js`, and one
 *   per tag, `dist/elements/<tag>.js`) and re-export the classes (`dist/index.js`).
 */
function publicContractOnly() {
  const aliases = { ...EXTERNAL_ALIASES };
  const expand = (text) =>
    text.replace(/\b[A-Z]\w*\b/g, (name) => (aliases[name] ? aliases[name] : name));
  // `initial` values in `static properties` (see ChatPropertyDeclaration): class → property → source text.
  const initials = new Map();
  return {
    name: 'public-contract-only',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const props = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties' && m.initializer);
        const literal = props?.initializer;
        for (const prop of literal && ts.isObjectLiteralExpression(literal) ? literal.properties : []) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
          const initial = prop.initializer.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'initial');
          if (initial) initials.set(`${node.name.text}.${prop.name.getText()}`, initial.initializer.getText());
        }
      }
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const literals = node.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
      if (literals) aliases[node.name.text] = node.type.types.map((t) => `'${t.literal.text}'`).join(' | ');
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      // cssStates came with schema 2.1.0; the analyzer still writes 1.0.0.
      manifest.schemaVersion = '2.1.0';
      // Sorted: the analyzer visits files in the file system's order, which differs between
      // checkouts, and CI compares the manifest byte for byte.
      manifest.modules = manifest.modules
        .filter((mod) => !mod.path.startsWith('src/internal/'))
        .sort((a, b) => a.path.localeCompare(b.path));
      const elements = [];
      for (const mod of manifest.modules) {
        mod.path = shippedPath(mod.path);
        for (const exp of mod.exports ?? []) if (exp.declaration.module) exp.declaration.module = shippedPath(exp.declaration.module);
        // Only what the module exports (the analyzer can mistake a local for a module variable).
        mod.declarations = mod.declarations?.filter((d) => mod.exports?.some((e) => e.declaration.name === d.name));
        for (const decl of mod.declarations ?? []) {
          if (decl.superclass?.module?.includes('/internal/')) decl.superclass = { name: 'LitElement', package: 'lit' };
          const isPublic = (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('_');
          decl.members = decl.members?.filter(isPublic);
          decl.attributes = decl.attributes?.filter((a) => !a.fieldName?.startsWith('_'));
          // Events dispatched through a shared class have no name the analyzer can read; the @event tags do.
          decl.events = decl.events?.filter((e) => e.name);
          // A default kept on the prototype (`initial`), where the analyzer looks for constructor assignments.
          for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
            const name = item.fieldName ?? item.name;
            const initial = initials.get(`${item.inheritedFrom?.name ?? decl.name}.${name}`);
            if (initial !== undefined && item.default === undefined) item.default = initial;
          }
          for (const item of [...(decl.members ?? []), ...(decl.attributes ?? []), ...(decl.events ?? [])]) {
            if (item.inheritedFrom?.module?.includes('/internal/')) delete item.inheritedFrom;
            if (item.type?.text) item.type.text = expand(item.type.text);
            if (item.return?.type?.text) item.return.type.text = expand(item.return.type.text);
            for (const p of item.parameters ?? []) if (p.type?.text) p.type.text = expand(p.type.text);
          }
          // An attribute is always a string: `| undefined` only says it may be absent.
          for (const attr of decl.attributes ?? []) {
            if (attr.type?.text) attr.type.text = attr.type.text.replace(/\s*\|\s*undefined\b/g, '');
            // A property that also takes objects (reasons, durations) is only its text form as an attribute.
            if (/^string \|/.test(attr.type?.text ?? '') && /\b[A-Z]\w*\b/.test(attr.type.text)) attr.type.text = 'string';
          }
          if (decl.customElement && decl.tagName) elements.push({ decl, module: mod.path });
        }
      }
      const byTag = (a, b) => a.decl.tagName.localeCompare(b.decl.tagName);
      elements.sort(byTag);
      manifest.modules.push(
        {
          kind: 'javascript-module',
          path: 'dist/index.js',
          description: 'The main entry, with no side effects; it exports the element classes (listed) and the store, events and backend helpers.',
          declarations: [],
          exports: elements.map(({ decl, module }) => ({ kind: 'js', name: decl.name, declaration: { name: decl.name, module } })),
        },
        // One entry per tag: registers it (and the tags it renders) and exports its class.
        ...elements.map(({ decl, module }) => ({
          kind: 'javascript-module',
          path: `dist/elements/${decl.tagName}.js`,
          description: `Registers <${decl.tagName}> (a tag that is already defined is left alone) and exports its class.`,
          declarations: [],
          exports: [
            { kind: 'js', name: decl.name, declaration: { name: decl.name, module } },
            { kind: 'custom-element-definition', name: decl.tagName, declaration: { name: decl.name, module } },
          ],
        })),
        {
          kind: 'javascript-module',
          path: 'dist/define.js',
          description: 'Registers the default tags (a tag that is already defined is left alone), each through its dist/elements/<tag>.js.',
          declarations: [],
          exports: elements.map(({ decl, module }) => ({
            kind: 'custom-element-definition',
            name: decl.tagName,
            declaration: { name: decl.name, module },
          })),
        },
      );
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/base-element.ts', 'src/internal/customer-element.ts', 'src/internal/blocked-customer-element.ts'],
  // Styles, and the views that elements load with import(): internal, not the contract.
  exclude: ['src/**/*.styles.ts', 'src/**/*-view.ts', 'src/**/*-view-module.ts'],
  litelement: true,
  // package.json names the manifest itself; without this the analyzer rewrites that field to its --outdir.
  packagejson: false,
  plugins: [publicContractOnly()],
};
