/**
 * Builds the add-in's pages (task pane, ribbon commands) to static files in dist/ that any HTTPS server can host.
 * `npm run dev-server` serves them on https://localhost:3000 with the Office development certificate.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  let https: { key: string | Buffer; cert: string | Buffer; ca?: string | Buffer } | undefined;
  if (command === 'serve' && mode !== 'test') {
    // Installs (once, with the user's consent) and returns the localhost certificate Office trusts.
    const devCerts = await import('office-addin-dev-certs');
    https = await devCerts.getHttpsServerOptions();
  }
  return {
    root: resolve(import.meta.dirname, 'src'),
    base: './',
    publicDir: resolve(import.meta.dirname, 'assets'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Fluent UI is most of the pane; its size is measured by npm run bench (goal ≤ 250 KB gzipped).
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        input: {
          taskpane: resolve(import.meta.dirname, 'src/taskpane/taskpane.html'),
          commands: resolve(import.meta.dirname, 'src/commands/commands.html'),
        },
      },
    },
    server: { port: 3000, strictPort: true, https },
  };
});
