// Builds the client (client/dist) when the build is missing or older than its sources. Used by `npm start`
// and by the browser end-to-end test, so both serve what the sources say.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'client/dist/index.html');
const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src'];

/** Newest modification time (ms) of a file, or of any file under a folder. */
function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((name) => newest(path.join(p, name))));
}

export function clientIsStale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((s) => existsSync(path.join(root, s)) && newest(path.join(root, s)) > builtAt);
}

/** Runs `npm run build -w client` if needed; throws when the build fails. */
export function ensureClientBuilt({ quiet = false } = {}) {
  if (!clientIsStale()) return false;
  if (!quiet) console.log('Building the client (client/dist)…');
  const r = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`client build failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return true;
}
