/**
 * What the library keeps about a certificate. Only the public certificate (DER) and the user's own
 * words about it — never a key (keys never leave the card), never a PIN, never the card's other data.
 */

/** Which certificate of the card (JPKI AP EFs) — or one the user imported from a file. */
export type CertificateKind = 'auth' | 'auth-ca' | 'sign' | 'sign-ca' | 'imported';
export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['auth', 'auth-ca', 'sign', 'sign-ca', 'imported'];

/** Which card it was read from; 'file' for an import, 'unknown' when the reader could not tell. */
export type CardKind = 'my-number-card' | 'file' | 'unknown';
export const CARD_KINDS: readonly CardKind[] = ['my-number-card', 'file', 'unknown'];

export interface SavedCertificate {
  /** SHA-256 of the DER, lower-case hex: the same certificate saved twice is one entry. */
  readonly id: string;
  readonly der: Uint8Array;
  readonly label: string;
  readonly note: string;
  /** When the certificate was read from the card (or imported), ISO 8601 UTC. */
  readonly readAt: string;
  /** When it was first saved to this library, ISO 8601 UTC. */
  readonly savedAt: string;
  readonly cardKind: CardKind;
  readonly certificateKind: CertificateKind;
}

export interface NewCertificate {
  readonly der: Uint8Array;
  readonly label: string;
  readonly note?: string;
  readonly readAt: string | Date;
  readonly cardKind: CardKind;
  readonly certificateKind: CertificateKind;
}

export interface SaveOptions {
  /**
   * The sign certificate (署名用電子証明書) holds the holder's name, address, birth date and sex in
   * its SubjectAltName; saving it requires that the user explicitly acknowledged this.
   */
  readonly acknowledgePersonalData?: boolean;
}

export interface ImportResult {
  readonly added: number;
  readonly replaced: number;
}

export const LABEL_MAX = 200;
export const NOTE_MAX = 4000;
