/**
 * The licence screens, one lazily loaded chunk (the reader screen imports it when a licence, a
 * 住基カード, an unknown card or a マイナ免許証 instance is on screen, or `#/reader/licence` opens).
 */
import './licence-overview';
import './licence-screen';
import './other-card';
import './myna-licence-panel';
