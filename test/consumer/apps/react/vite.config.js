// No React plugin: JSX with the automatic runtime is all these files need.
export default { oxc: { jsx: { runtime: 'automatic' } }, logLevel: 'warn' };
