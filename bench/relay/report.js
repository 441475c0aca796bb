// The one table of a relay bench run: a row per figure, PGlite's and PostgreSQL's side by
// side, the budget, and a result per database. A performance budget is the for
// PostgreSQL: PGlite's figure is checked against it too but a miss there is printed as
// "miss (n/a)" and fails nothing. A correctness budget (0 errors, 0 lost, every stream
// reached) is `counted: 'both'` and fails the run on either database.
import { checkBudget } from '../budget.js';
import { format } from '../table.js';

const DATABASES = ['pglite', 'postgres'];
const HEAD = ['case', 'measure', 'PGlite', 'PostgreSQL', 'budget', 'PostgreSQL result', 'PGlite result'];

function formatValue({ value, unit, note }) {
  const text = !Number.isFinite(value) ? 'none' : unit === 'ms' ? format.ms(value) : unit === '/s' ? `${format.int(value)}/s` : format.int(value);
  return note ? `${text} (${note})` : text;
}

export class RelayTable {
  /** Rows by "group · measure", in the order first recorded. */
  #rows = new Map();
  failures = [];

  constructor({ quick }) {
    this.quick = quick;
  }

  /** Records the measures one case returned on one database. */
  record(database, measures) {
    for (const m of measures) {
      const key = `${m.group} · ${m.measure}`;
      const row = this.#rows.get(key) ?? { group: m.group, measure: m.measure, counted: m.counted ?? 'postgres', cells: {}, results: {} };
      row.cells[database] = formatValue(m);
      if (m.budget) {
        // Correctness has no noise to allow for: the quick run's slack is for timings only.
        const { pass, strict, text } = checkBudget(m.value, m.budget, { quick: this.quick && row.counted !== 'both' });
        const counts = row.counted === 'both' || database === 'postgres';
        row.budgetText = text;
        row.results[database] = !pass ? (counts ? 'FAIL' : 'miss (n/a)') : strict ? 'pass' : 'pass (slack)';
        if (!pass && counts) this.failures.push(`${database}: ${key}: ${row.cells[database]}`);
      }
      this.#rows.set(key, row);
    }
  }

  /** A case that broke on a database: its rows say so, and the run fails. */
  broke(database, caseName, error) {
    this.failures.push(`${database}: ${caseName} broke: ${error instanceof Error ? error.message : String(error)}`);
  }

  #lines() {
    return [...this.#rows.values()].map((r) => {
      const [pglite, postgres] = DATABASES.map((d) => r.cells[d] ?? '—');
      return [r.group, r.measure, pglite, postgres, r.budgetText ?? '', r.results.postgres ?? '', r.results.pglite ?? ''];
    });
  }

  text() {
    const all = [HEAD, ...this.#lines()];
    const widths = HEAD.map((_, c) => Math.max(...all.map((r) => r[c].length)));
    const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
    return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...this.#lines().map(line)].join('\n');
  }

  markdown() {
    const line = (r) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
    return [line(HEAD), line(HEAD.map(() => '---')), ...this.#lines().map(line)].join('\n');
  }
}
