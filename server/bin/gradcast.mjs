#!/usr/bin/env node
// The `gradcast` command. The server runs from its TypeScript sources through tsx (no separate build step);
// the training worker threads load tsx the same way.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
