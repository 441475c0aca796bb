// npm run bench:relay [-- --quick] [-- --only=block,fanout,list,load] [-- --database=pglite|postgres|both]

export const CASES = ['block', 'fanout', 'list', 'load'];
const DATABASES = { pglite: ['pglite'], postgres: ['postgres'], both: ['pglite', 'postgres'] };

/** `{ quick, only, databases }` from the command line; throws on anything it does not know. */
export function readOptions(args) {
  const options = { quick: false, only: CASES, databases: DATABASES.both };
  for (const arg of args) {
    const [flag, value] = arg.split('=');
    if (flag === '--quick' && value === undefined) options.quick = true;
    else if (flag === '--only' && value) {
      options.only = value.split(',');
      const unknown = options.only.filter((c) => !CASES.includes(c));
      if (unknown.length) throw new Error(`--only: no case ${unknown.join(', ')} (cases: ${CASES.join(', ')})`);
    } else if (flag === '--database' && DATABASES[value]) options.databases = DATABASES[value];
    else throw new Error(`unknown option ${arg} (options: --quick, --only=${CASES.join(',')}, --database=pglite|postgres|both)`);
  }
  return options;
}
