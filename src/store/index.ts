export { CertificateStore, certificateStore, fingerprint, DB_NAME, STORE_NAME } from './certificate-store';
export { serializeBackup, parseBackup, BACKUP_FORMAT, BACKUP_VERSION } from './backup';
export { isSingleDerSequence } from './der-check';
export {
  CERTIFICATE_KINDS,
  CARD_KINDS,
  LABEL_MAX,
  NOTE_MAX,
  type CertificateKind,
  type CardKind,
  type SavedCertificate,
  type NewCertificate,
  type SaveOptions,
  type ImportResult,
} from './types';
