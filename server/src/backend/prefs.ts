/**
 * The backend choices a command line or a worker names, apart from select.ts (which loads tfjs): the socket thread
 * and the CLI parse and pass these on without loading the tensor stack.
 */
export const BACKEND_PREFS = ['auto', 'gpu', 'node', 'wasm', 'cpu'] as const;
export type BackendPref = (typeof BACKEND_PREFS)[number];

/** A forced backend could not be loaded (never a silent fall-back). */
export class BackendUnavailableError extends Error {}
