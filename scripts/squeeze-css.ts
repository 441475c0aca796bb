/**
 * Squeezes the CSS text of a Lit css`…` literal that has `${}` interpolations, which a CSS
 * minifier cannot parse: drops comments and the whitespace no rule needs, and nothing else.
 * Quoted strings and interpolations are copied as they are. Whitespace is kept where CSS reads
 * it (a descendant combinator before `:hover`, the spaces of `calc(1px + 2px)`), and only
 * removed next to `{ } ; , > )`, after `(` and after a declaration's `:`.
 * Pure string code: the Vite build uses it, and a browser test (test/squeeze-css.test.ts)
 * checks that it leaves every stylesheet of the library meaning the same.
 */
export function squeezeCss(text: string): string {
  let out = '';
  // What `out` ends with, as CSS sees it: an interpolation ends in a value, not in a `}`.
  let last = '';
  const emit = (chunk: string, as = chunk.at(-1) ?? '') => {
    out += chunk;
    last = as;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      // Whitespace around a comment is kept by the branch below; the comment itself goes.
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (last && !AFTER_NO_SPACE.has(last) && last !== ' ') emit(' ');
    } else if (c === '$' && text[i + 1] === '{') {
      let depth = 0;
      let j = i;
      while (j < text.length && !(text[j] === '}' && --depth === 0)) depth += text[j++] === '{' ? 1 : 0;
      emit(text.slice(i, j + 1), '$');
      i = j + 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      emit(text.slice(i, j + 1));
      i = j + 1;
    } else {
      if (last === ' ' && BEFORE_NO_SPACE.has(c)) out = out.slice(0, -1);
      // `;}`: the last declaration needs no semicolon.
      if (c === '}' && out.at(-1) === ';') out = out.slice(0, -1);
      emit(c);
      i++;
    }
  }
  return out.trim();
}

// Not `(` before: `and (` in a media query must not become the function `and(`. Not `:` before:
// `a :hover` is a descendant. After `:` only in a declaration (a selector never has `: `).
const BEFORE_NO_SPACE = new Set(['{', '}', ';', ',', ')', '>']);
const AFTER_NO_SPACE = new Set(['{', '}', ';', ',', '(', '>', ':']);
