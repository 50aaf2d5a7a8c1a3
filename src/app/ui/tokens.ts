/**
 * Design tokens and the document-level base styles. They are applied with a constructable
 * stylesheet (`document.adoptedStyleSheets`), not a <style> element or a CSS file injected by
 * script, so they live under the app's strict CSP (`style-src 'self'`) in the dev server and the
 * build alike. Custom properties inherit into every shadow root, so components use `var(--…)`.
 */
import { css } from 'lit';

export const tokens = css`
  :root {
    /* Font stack: the fonts Japanese users have on each OS, before the generic fallback (stack.md gotcha 18). */
    --font-sans: system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic UI',
      'Meiryo', 'Noto Sans JP', 'Noto Sans CJK JP', 'IPAGothic', 'IPAexGothic', sans-serif;
    --font-mono: ui-monospace, 'SFMono-Regular', 'Cascadia Mono', 'Consolas', 'Noto Sans Mono', 'DejaVu Sans Mono', monospace;

    --color-bg: #f6f7f9;
    --color-surface: #ffffff;
    --color-surface-sunken: #eef1f5;
    --color-text: #1b2430;
    --color-text-muted: #4a5566;
    --color-border: #d5dbe3;
    --color-border-strong: #8a96a8;
    --color-brand: #17324d;
    --color-brand-contrast: #ffffff;
    --color-accent: #1d5fa6;
    --color-accent-hover: #164c86;
    --color-accent-contrast: #ffffff;
    --color-focus: #c25e00;

    --color-info-bg: #e8f1fb;
    --color-info-border: #6b9fd6;
    --color-info-text: #123a63;
    --color-success-bg: #e7f5ec;
    --color-success-border: #5aa874;
    --color-success-text: #184d2a;
    --color-warning-bg: #fdf3e1;
    --color-warning-border: #d39b2e;
    --color-warning-text: #5e3d00;
    --color-danger-bg: #fcebea;
    --color-danger-border: #d16a62;
    --color-danger-text: #7a1d16;

    --radius-s: 4px;
    --radius-m: 8px;
    --radius-l: 12px;
    --space-1: 4px;
    --space-2: 8px;
    --space-3: 12px;
    --space-4: 16px;
    --space-5: 24px;
    --space-6: 32px;
    --space-7: 48px;
    --shadow-1: 0 1px 2px rgb(16 32 48 / 8%), 0 1px 1px rgb(16 32 48 / 4%);
    --content-width: 960px;
    --font-size-s: 0.875rem;
    --font-size-m: 1rem;
    --font-size-l: 1.25rem;
    --font-size-xl: 1.625rem;
    --line-height: 1.7;
    color-scheme: light dark;
  }

  @media (prefers-color-scheme: dark) {
    :root {
      --color-bg: #12171e;
      --color-surface: #1a212b;
      --color-surface-sunken: #151b23;
      --color-text: #e6eaf0;
      --color-text-muted: #a9b3c1;
      --color-border: #2f3a48;
      --color-border-strong: #6d7a8c;
      --color-brand: #0e2236;
      --color-accent: #7db4ef;
      --color-accent-hover: #a3cbf5;
      --color-accent-contrast: #0b1a2a;
      --color-focus: #ffb35c;
      --color-info-bg: #15283d;
      --color-info-border: #3f6f9f;
      --color-info-text: #cfe3f8;
      --color-success-bg: #15301f;
      --color-success-border: #3f8a58;
      --color-success-text: #c9ecd4;
      --color-warning-bg: #33270f;
      --color-warning-border: #a07423;
      --color-warning-text: #f6deb0;
      --color-danger-bg: #3a1a18;
      --color-danger-border: #a2443c;
      --color-danger-text: #f7cdc9;
    }
  }

  html {
    background: var(--color-bg);
    color: var(--color-text);
    font-family: var(--font-sans);
    font-size: 100%;
    line-height: var(--line-height);
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
  }
  body {
    margin: 0;
    min-height: 100vh;
  }
  :lang(ja) {
    /* Japanese reads better slightly looser, and must not break inside words at arbitrary points. */
    line-break: strict;
    word-break: normal;
    overflow-wrap: anywhere;
  }
  .boot-message {
    max-width: 40rem;
    margin: var(--space-7) auto;
    padding: 0 var(--space-4);
  }
`;

/** Apply the tokens and base styles to the document once. */
export function applyDocumentStyles(doc: Document = document): void {
  const sheet = tokens.styleSheet;
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
