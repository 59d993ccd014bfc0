// Bootstrap of an MNIST loading thread: its own TypeScript loader, as for the training worker (engine/worker-entry.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./mnistLoadWorker.ts');
