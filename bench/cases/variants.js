/** The bench pages, by key, with the names the table prints. */
export const VARIANTS = {
  plain: 'plain DOM',
  lit: 'trivial Lit ×2',
  shoelace: 'Shoelace',
  lib: 'library',
};

export const pageUrl = (origin, variant) => `${origin}/${variant}.html`;

/** "1,000 rows" */
export const rowsLabel = (n) => `${n.toLocaleString('en-US')} rows`;
