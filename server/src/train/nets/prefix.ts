/** tfjs variable names are global to a thread: each built model gets a unique prefix. */
let counter = 0;
export const uniquePrefix = (kind: string): string => `${kind}${++counter}`;
