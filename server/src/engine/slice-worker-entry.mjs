// Bootstrap of a slice worker thread: its own TypeScript loader, as for the training worker (worker-entry.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./sliceWorker.ts');
