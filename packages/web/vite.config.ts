import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The built app is served by `attain serve` from packages/web/dist.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', chunkSizeWarningLimit: 3000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
