import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';

// The app is served from the site root; every asset is precached so the PWA works with the network off.
export default defineConfig({
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true },
  plugins: [
    VitePWA({
      strategies: 'generateSW',
      injectRegister: false, // registered with workbox-window in src/app/pwa/register-sw.ts
      registerType: 'prompt',
      includeManifestIcons: false,
      manifest: {
        name: 'JPKI Lens — マイナンバーカード証明書ビューア',
        short_name: 'JPKI Lens',
        description: 'マイナンバーカードの電子証明書を USB リーダーで読み取り、内容を説明します。Read and explain the certificates on a My Number Card from Chrome, over USB, with nothing installed.',
        lang: 'ja',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#17324d',
        background_color: '#f6f7f9',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // .wasm: the JPEG 2000 decoder (src/image), loaded only when a photo is shown but precached for offline use.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,cer,wasm}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup/i18n.ts'],
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
