import { checkBudget } from './budget.js';

/**
 * The one table a run prints: a row per figure, with the ratio to its
 * baseline and, where the issue sets one, the budget and pass/FAIL beside it.
 */
export class Table {
  rows = [];
  failures = 0;
  /** Misses of budgets listed as known (an open issue), printed but not failing the run. */
  knownMisses = 0;

  /**
   * @param {{ quick: boolean, knownMisses?: string[] }} mode  `knownMisses`: "group: measure"
   *   substrings of budgets an open issue has not met yet (`--known-miss=a;b`). They still
   *   print FAIL; one that passes says so, to be taken off the list.
   */
  constructor(mode) {
    this.mode = mode;
    this.known = mode.knownMisses ?? [];
  }

  /**
   * @param {object} row
   * @param {string} row.group   the case, e.g. "render 1,000"
   * @param {string} row.measure what was measured, e.g. "time: library"
   * @param {string} row.value   the median, formatted
   * @param {string} [row.ratio] e.g. "1.12× trivial Lit"
   * @param {number} [row.checked] the figure the budget reads (defaults to none)
   * @param {object} [row.budget] see budget.js
   */
  add({ group, measure, value, ratio = '', checked, budget }) {
    let budgetText = '';
    let result = '';
    if (budget) {
      const { pass, strict, text } = checkBudget(checked, budget, this.mode);
      const known = this.known.some((k) => `${group}: ${measure}`.includes(k));
      budgetText = text;
      result = !pass ? (known ? 'FAIL (known miss)' : 'FAIL') : strict ? 'pass' : 'pass (slack)';
      if (pass && known) result += ', listed as a known miss';
      if (!pass) known ? this.knownMisses++ : this.failures++;
    }
    this.rows.push([group, measure, value, ratio, budgetText, result]);
  }

  static HEAD = ['case', 'measure', 'median', 'ratio', 'budget', 'result'];

  text() {
    const all = [Table.HEAD, ...this.rows];
    const widths = Table.HEAD.map((_, c) => Math.max(...all.map((r) => r[c].length)));
    const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
    return [line(Table.HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...this.rows.map(line)].join('\n');
  }

  markdown() {
    const line = (r) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
    return [line(Table.HEAD), line(Table.HEAD.map(() => '---')), ...this.rows.map(line)].join('\n');
  }
}

/** Shared number formats, so every case prints alike. */
export const format = {
  ms: (v) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`),
  kb: (bytes) => `${(bytes / 1024).toFixed(1)} KB`,
  mb: (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`,
  ratio: (v, of) => (Number.isFinite(v) ? `${v.toFixed(2)}× ${of}` : `n/a ${of}`),
  int: (v) => Math.round(v).toLocaleString('en-US'),
};
