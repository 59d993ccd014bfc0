// Bootstrap of the training worker thread: each thread needs its own TypeScript loader, because loader
// hooks registered in the main thread (tsx) do not reach worker threads.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
