/** Shared UI: design tokens, base styles for shadow roots, and the small primitives every screen uses. */
export { tokens, applyDocumentStyles } from './tokens';
export { baseStyles } from './styles';
export { JpkiPanel } from './panel';
export { JpkiBadge, type BadgeTone } from './badge';
export { JpkiNotice, type NoticeTone } from './notice';
export { JpkiDialog, type DialogCloseDetail } from './dialog';
