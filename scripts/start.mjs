#!/usr/bin/env node
// `npm start`: builds the client when its build is missing or stale, then serves on the embedded backend
// (wasm) with a room for the foundation lesson (ch02-03) open; its URLs are printed. Extra arguments go to
// `gradcast serve`, e.g. `npm start -- --port 8080`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureClientBuilt, root } from './clientBuild.mjs';

try {
  ensureClientBuilt();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const args = ['serve', '--backend', 'wasm', '--room', 'ch02-03', ...process.argv.slice(2)];
const child = spawn(process.execPath, [path.join(root, 'server/bin/gradcast.mjs'), ...args], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
