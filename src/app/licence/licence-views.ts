/**
 * The licence screens, one lazily loaded chunk (the reader screen imports it when a licence, a
 * 住基カード, an unknown card or a マイナ免許証 instance is on screen, or `#/reader/licence` opens).
 * Their strings come with them (kept out of the initial JS), registered first (imports evaluate in
 * order, and the elements render only after this module has run).
 */
import './licence-strings';
import './licence-overview';
import './licence-screen';
import './other-card';
import './myna-licence-panel';
