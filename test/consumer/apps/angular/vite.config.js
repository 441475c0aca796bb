// Bundles what ngc emitted into out/ (the app is compiled ahead of time by ngc, which also
// type-checks its templates; Angular's own packages are linked at run time by @angular/compiler).
export default { logLevel: 'warn', build: { chunkSizeWarningLimit: 4096 } };
