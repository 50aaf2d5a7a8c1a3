import { defineConfig } from 'vite';

// Test-only bundle: the simulated USB readers, as one classic script that Playwright injects with
// page.addInitScript({ path }) before the app loads. It is built outside dist/, so it is never
// deployed and never precached.
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'test-build',
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: 'src/sim/webusb/install.ts',
      name: 'JpkiLensSim',
      formats: ['iife'],
      fileName: () => 'sim-usb.js',
    },
  },
});
