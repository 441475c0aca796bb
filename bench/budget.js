/**
 * A budget is a limit on one figure: `{ max }` (figure ≤ max) or `{ min }`
 * (figure ≥ min), with `unit` for printing ('×' for ratios).
 * In quick mode a budget fails only when missed by more than 25 %: CI runs a
 * short, noisier version and must not go red on noise alone.
 */
export const QUICK_SLACK = 1.25;

/** `{ pass, strict, text }`: `strict` says whether it passed without the quick-mode slack. */
export function checkBudget(value, budget, { quick }) {
  const text = describe(budget, budget.unit ?? '');
  const within = (slack) =>
    Number.isFinite(value) && ('max' in budget ? value <= budget.max * slack : value >= budget.min / slack);
  return { pass: within(quick ? QUICK_SLACK : 1), strict: within(1), text };
}

function describe(budget, unit) {
  return 'max' in budget ? `≤ ${fmt(budget.max)}${unit}` : `≥ ${fmt(budget.min)}${unit}`;
}

function fmt(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
