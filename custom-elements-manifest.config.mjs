// `npm run analyze` writes custom-elements.json from the components' JSDoc.

/** Keeps the manifest to the public contract: no private members, internal state or base class. */
function publicContractOnly() {
  return {
    name: 'public-contract-only',
    packageLinkPhase({ customElementsManifest: manifest }) {
      manifest.modules = manifest.modules.filter((mod) => !mod.path.startsWith('src/internal/'));
      for (const mod of manifest.modules) {
        for (const decl of mod.declarations ?? []) {
          decl.members = decl.members?.filter((m) => m.privacy !== 'private' && !m.name.startsWith('_'));
          decl.attributes = decl.attributes?.filter((a) => !a.fieldName?.startsWith('_'));
          // Events dispatched through a shared class have no name the analyzer can read; the @event tags do.
          decl.events = decl.events?.filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/base-element.ts', 'src/internal/customer-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json names the manifest itself; without this the analyzer rewrites that field to its --outdir.
  packagejson: false,
  plugins: [publicContractOnly()],
};
