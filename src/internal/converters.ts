/** Boolean attributes that default to true (`can-block`, `confirm-unblock`): only the value "false" turns them off. */
export const defaultTrue = { fromAttribute: (value: string | null) => value !== 'false', toAttribute: String };
