/**
 * What the library list shows about a saved certificate besides the user's label: a subject summary,
 * the issuer, the end of validity — taken from the src/pki model — and the search over all of it.
 * Pure (no DOM, no storage) so it is unit-tested. The sign certificate's 4 info is deliberately not
 * part of the summary or the search: the list never shows personal data.
 */
import type { CertificateModel, NameModel } from '../../pki/model/types';
import type { SavedCertificate } from '../../store';

export interface EntrySummary {
  /** "CN = …", else the subject's O / OU values (a CA certificate has no CN in JPKI), else its one-line DN. */
  readonly subject: string;
  /** The issuer's O / OU values joined. */
  readonly issuer: string;
  readonly notAfter: string;
  readonly serialHex: string;
  readonly jpkiKind?: string;
  readonly test: boolean;
}

function organisation(n: NameModel): string {
  return n.rdns.flat().filter((a) => a.shortName === 'O' || a.shortName === 'OU').map((a) => a.value).join(' / ');
}

export function summarise(m: CertificateModel): EntrySummary {
  const attrs = m.subject.rdns.flat();
  const cn = attrs.find((a) => a.shortName === 'CN');
  const org = organisation(m.subject);
  const issuer = organisation(m.issuer);
  return {
    subject: cn ? `CN = ${cn.value}` : org || m.subject.text,
    issuer: issuer || m.issuer.text,
    notAfter: m.validity.notAfter.iso,
    serialHex: m.serial.hex,
    ...(m.jpki ? { jpkiKind: m.jpki.kind } : {}),
    test: m.jpki?.test ?? false,
  };
}

/** Does an entry match a search? Every word must occur (case-insensitive) in its label, note, kind name, subject, issuer, serial or fingerprint. */
export function matches(entry: SavedCertificate, summary: EntrySummary | undefined, kindName: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [entry.label, entry.note, kindName, summary?.subject ?? '', summary?.issuer ?? '', summary?.serialHex ?? '', entry.id].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}
