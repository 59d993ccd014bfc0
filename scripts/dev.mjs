#!/usr/bin/env node
// `npm run dev`: the server on :3000 (wasm, a ch02-03 room open) and Vite's dev server with hot reload on :5173,
// which proxies /api and /socket.io to :3000. Open the room URLs the server prints, on port 5173.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [
  spawn(process.execPath, [path.join(root, 'server/bin/gradcast.mjs'), 'serve', '--backend', 'wasm', '--room', 'ch02-03'], { cwd: root, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', 'client'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, stop);
children.forEach((c) => c.on('exit', (code) => { stop(); process.exit(code ?? 0); }));
