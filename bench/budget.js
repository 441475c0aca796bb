/**
 * A budget is a limit on one figure: `{ max }` (figure ≤ max) or `{ min }`
 * (figure ≥ min), with `unit` for printing ('×' for ratios).
 * In quick mode a budget fails only when missed by more than 25 %: CI runs a
 * short, noisier version and must not go red on noise alone.
 */
export const QUICK_SLACK = 1.25;

export function checkBudget(value, budget, { quick }) {
  const slack = quick ? QUICK_SLACK : 1;
  const unit = budget.unit ?? '';
  if (!Number.isFinite(value)) return { pass: false, text: describe(budget, unit) };
  if ('max' in budget) {
    return { pass: value <= budget.max * slack, text: describe(budget, unit) };
  }
  return { pass: value >= budget.min / slack, text: describe(budget, unit) };
}

function describe(budget, unit) {
  return 'max' in budget ? `≤ ${fmt(budget.max)}${unit}` : `≥ ${fmt(budget.min)}${unit}`;
}

function fmt(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
