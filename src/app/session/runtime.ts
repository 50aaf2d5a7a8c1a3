/**
 * The reader and card stack the session drives (drivers, CCID/T=1, Sony, JPKI/入力補助 APs), behind
 * one `import()`: it pulls pkijs in (src/pki/rsa-check.ts checks signatures against the card's
 * certificate), so it stays out of the initial bundle (issue 6: initial JS ≤ 80 KB gzip) and is
 * fetched when a reader is first opened — after `requestDevice`, so the chooser still opens inside
 * the click's user activation. It is precached, so it works offline too.
 */
export { openReader } from '../../readers';
export { JpkiAp } from '../../card/jpki';
export { KenhojoAp } from '../../card/kenhojo';
export { KenmenAp } from '../../card/kenmen';
export { recogniseCard } from '../../card/recognise';
export { DriversLicenceAp, MynaLicenceAp } from '../../card/licence';
export { readLicenceOverview, probeMynaLicence } from '../../card/licence/overview';
