/**
 * How much work a run does. `--quick` (CI) trims rows and runs so the whole
 * thing fits in about two minutes on two cores; budgets then get 25 %
 * slack (see budget.js) so that noise alone cannot fail a build.
 */
export function configFor({ quick }) {
  return quick
    ? {
        quick,
        runs: 3,
        // The row counts the budgets read: `base` for the "1,000 rows" ratios,
        // `large` for the per-row flatness check. All three are rendered.
        rows: { small: 100, base: 1000, large: 3000 },
        // Shoelace's rows take seconds: CI renders them at the base count only, for the
        // budget on the library's speed-up over Shoelace.
        shoelaceRows: [1000],
        // Samples of each light variant a run at the base count: the 1,000-row time ratio is
        // then a median of nine pairs, not three (runs on a shared machine read 1.0-1.5×).
        basePairs: 3,
        clicksPerPage: 6,
        // Fresh pages per run for the first open (true: after a hover). Quick mode has fewer
        // runs, so more pages a run: the first open is the noisiest figure (fetch and compile).
        firstOpens: [true, true, false, true, true],
        leakCycles: { openClose: 500, blockUnblock: 200 },
      }
    : {
        quick,
        runs: 7,
        rows: { small: 100, base: 1000, large: 5000 },
        shoelaceRows: [100, 1000],
        // As in quick mode: two full runs back to back, with the code unchanged, read 1.25× and
        // 1.05× from seven pairs, either side of the 1.1× budget. 21 pairs narrow that spread.
        basePairs: 3,
        clicksPerPage: 8,
        firstOpens: [true, false, true],
        leakCycles: { openClose: 500, blockUnblock: 200 },
      };
}
