// Vite build of the web apps (customer widget demo, agent console, admin console, transcript verify page).
// Root is web/, output goes to dist/web at the repository root, where the server serves it from.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const apiTarget = process.env.ZHIDA_DEV_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: {
        main: here('./index.html'),
        console: here('./console/index.html'),
        admin: here('./admin/index.html'),
        verify: here('./verify/index.html'),
      },
    },
  },
  // `vite --config web/vite.config.ts` for UI work against a running `zhida serve`.
  server: {
    proxy: {
      '/api': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
});
