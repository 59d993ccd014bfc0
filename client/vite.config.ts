/**
 * Client build and dev server. `npm run build -w client` writes client/dist, which the Gradcast server serves
 * at / (and answers /r/<roomId> with index.html), so assets use absolute paths (base '/').
 * `vite` (dev) proxies the API, the socket, the join-code pages (/j) and the health check to a server on :3000
 * (`npx gradcast serve`);
 * GRADCAST_URL points it elsewhere (e.g. GRADCAST_URL=http://localhost:3107 npx vite).
 */
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const target = process.env['GRADCAST_URL'] ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/api': target,
      '/healthz': target,
      // /j and /j/<code> only: a prefix of '/j' alone would also take the client's own /js… paths.
      '^/j(/[^/]*)?/?(\\?.*)?$': target,
      '/socket.io': { target, ws: true },
    },
  },
});
