/**
 * The "use the keys" screens (login proof, signing, verifying, the server kit) are a chunk of their own,
 * loaded when `#/keys` is first opened (initial JS budget, issue 6); `<jpki-keys-screen>` upgrades in place.
 */
let pending: Promise<unknown> | undefined;

export function loadKeysScreen(): void {
  pending ??= import('./keys-screen').catch(() => {
    pending = undefined; // retried on the next render
  });
}
