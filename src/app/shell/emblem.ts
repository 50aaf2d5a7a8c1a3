/**
 * The JPKI Lens emblem as inline SVG (a card with a chip, seen through a lens); the PNG icons in
 * public/icons/ are drawn from the same geometry by tools/gen-icons.ts.
 */
import { svg } from 'lit';

export const emblem = svg`<svg viewBox="0 0 64 64" width="36" height="36" aria-hidden="true" focusable="false">
  <rect x="6" y="14" width="44" height="30" rx="5" fill="#ffffff"/>
  <rect x="12" y="22" width="11" height="9" rx="2" fill="#d9a62e"/>
  <rect x="12" y="35" width="22" height="3" rx="1.5" fill="#9fb3c8"/>
  <circle cx="42" cy="38" r="10.5" fill="#17324d" fill-opacity="0.59"/>
  <circle cx="42" cy="38" r="13" fill="none" stroke="#7fc4ff" stroke-width="5"/>
  <line x1="51" y1="47" x2="59" y2="55" stroke="#7fc4ff" stroke-width="6" stroke-linecap="round"/>
</svg>`;
