// The CLI's commands as a pure function (argv + file reader → stdout, stderr, exit code), so unit
// tests can call it in-process as well as through `npx tsx src/cli/main.ts`.
import { LensError } from '../errors';
import { t } from '../i18n';
import {
  asn1Dump, authChainBundle, certificateText, derFromFile, explainCertificate, opensslOidFile, parseAsn1Tree, parseCrl,
  toPem, verifyChain, walkAsn1, type CertificateModel, type ChainResult, type Field,
} from '../pki';

export const EXIT = { ok: 0, verifyFailed: 1, usage: 2, badInput: 3, revocationUnknown: 4, internal: 70 } as const;

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr?: string;
  readonly code: number;
}

export type ReadFile = (path: string) => Uint8Array;

export const USAGE = `usage: jpki-lens <command> [options]
  inspect FILE [--json]          explain a certificate (DER or PEM)
  text FILE [--no-annotations]   openssl x509 -text layout with JPKI annotations
  asn1 FILE [--plain] [--strparse OFFSET]
                                 openssl asn1parse -i layout (--plain: only OpenSSL's own OID names)
  verify FILE [--crl FILE] [--at DATE] [--trust-test-roots] [--ca FILE]... [--json]
                                 chain to the pinned J-LIS roots (or --ca), revocation with --crl
  pem FILE                       the certificate as PEM
  bundle [--at DATE] [--trust-test-roots]
                                 PEM bundle of the auth CA certificates (TLS client-auth servers)
  verify-signature X.p7s [FILE] [--at DATE] [--trust-test-roots] [--json]
                                 verify a CMS signature: detached (.p7s + FILE) or attached (no FILE)
  client-auth-bundle [--trust-test-roots]
                                 PEM of every J-LIS 利用者証明用 CA generation, expired ones included
  oids                           OID file for openssl asn1parse -oid
options: --lang ja|en (default en)
exit codes: 0 ok, 1 verification failed, 2 usage, 3 bad input, 4 revocation could not be established, 70 internal error
`;

function usage(detail: string): never {
  throw new LensError('pki-cli-usage', { detail });
}

interface Parsed {
  readonly positional: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string[]>;
}

const VALUE_OPTIONS = new Set(['--crl', '--at', '--ca', '--strparse', '--lang']);
const FLAG_OPTIONS = new Set(['--json', '--plain', '--no-annotations', '--trust-test-roots']);

function parseArgs(args: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (VALUE_OPTIONS.has(a)) {
      const v = args[++i];
      if (v === undefined) usage(`${a} needs a value`);
      values.set(a, [...(values.get(a) ?? []), v]);
    } else if (FLAG_OPTIONS.has(a)) flags.add(a);
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, flags, values };
}

export function parseDate(s: string): Date {
  // ISO 8601 date or date-time; a bare date means 00:00:00 UTC.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(s)) usage(`--at ${s}: not an ISO 8601 date`);
  const d = new Date(/T/.test(s) && !/(Z|[+-]\d{2}:\d{2})$/.test(s) ? `${s}Z` : s);
  if (Number.isNaN(d.getTime())) usage(`--at ${s}: not a date`);
  // V8's Date rolls a day past the month's end over (2024-02-30 → 2024-03-01); a validation date the
  // user did not write must not be used silently. Check the calendar date as written.
  const [y, m, day] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(2000, m - 1, day));
  calendar.setUTCFullYear(y);
  if (calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== day) usage(`--at ${s}: not a calendar date`);
  const hm = /T(\d{2}):(\d{2})/.exec(s);
  if (hm && (Number(hm[1]) > 23 || Number(hm[2]) > 59)) usage(`--at ${s}: not a time of day`);
  return d;
}

function oneFile(p: Parsed, command: string): string {
  if (p.positional.length !== 1) usage(`${command} takes exactly one FILE`);
  return p.positional[0] ?? '';
}

function fieldLines(fields: readonly Field[], indent: string): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const enumText = f.valueKey ? t(f.valueKey, f.params ?? {}) : '';
    out.push(`${indent}${t(f.key, f.params ?? {})}: ${[f.value, enumText].filter(Boolean).join(' ')}`);
    if (f.children) out.push(...fieldLines(f.children, `${indent}  `));
  }
  return out;
}

function summary(m: CertificateModel): string {
  const lines = [
    `subject:      ${m.subject.text}`,
    `issuer:       ${m.issuer.text}`,
    `serial:       ${m.serial.negative ? '-' : ''}${m.serial.hex}`,
    `not before:   ${m.validity.notBefore.iso}`,
    `not after:    ${m.validity.notAfter.iso}`,
    `public key:   ${m.publicKey.algorithm.name} ${m.publicKey.sizeBits ?? '?'} bit`,
    `key usage:    ${(m.keyUsage ?? []).join(', ')}`,
    `ext key use:  ${(m.extendedKeyUsage ?? []).join(', ')}`,
    `SHA-1:        ${m.fingerprints.sha1}`,
    `SHA-256:      ${m.fingerprints.sha256}`,
  ];
  for (const e of m.extensions) lines.push(`extension:    ${e.name}${e.critical ? ' (critical)' : ''} [${e.status}]`);
  if (m.jpki) {
    lines.push(`JPKI:         ${t(`pki.jpki.kind.${m.jpki.kind}`)}${m.jpki.test ? ` ${t('pki.jpki.testHierarchy')}` : ''}`);
    lines.push(...fieldLines(m.jpki.cn ?? [], '  '));
    lines.push(...fieldLines(m.jpki.personal?.fields ?? [], '  '));
    lines.push(...fieldLines(m.jpki.policies, '  '));
  }
  return `${lines.join('\n')}\n`;
}

function checkText(c: { ok: boolean; reasonKey?: string; params?: Readonly<Record<string, string | number>> }): string {
  return c.ok ? 'ok' : `FAILED — ${t(c.reasonKey ?? '', c.params ?? {})}`;
}

function chainText(r: ChainResult): string {
  const lines = [`chain: ${r.status === 'valid' ? 'verified' : `NOT verified — ${t(r.reasonKey ?? '', r.reasonParams ?? {})}`}`];
  r.links.forEach((l, i) => {
    lines.push(`[${i}] ${l.subject}`);
    lines.push(`    serial ${l.serialHex}, ${l.notBefore} → ${l.notAfter}, SHA-256 ${l.sha256}`);
    if (l.anchor) lines.push(`    trust anchor: ${l.anchor.source}${l.anchor.file ? ` ${l.anchor.file}` : ''}`);
    lines.push(`    signature: ${checkText(l.signature)}`);
    lines.push(`    validity: ${checkText(l.validity)}`);
    lines.push(`    key usage: ${checkText(l.keyUsage)}`);
    lines.push(`    basic constraints: ${checkText(l.basicConstraints)}`);
    lines.push(`    critical extensions: ${checkText(l.criticalExtensions)}`);
  });
  for (const c of r.rejectedCandidates) lines.push(`rejected candidate: ${c.subject} (SHA-256 ${c.sha256}): ${t(c.reasonKey)}`);
  const rev = r.revocation;
  switch (rev.state) {
    case 'not-checked':
      lines.push(`revocation: not checked — ${t(rev.reasonKey)}`);
      break;
    case 'unknown':
      lines.push(`revocation: not checked — ${t(rev.reasonKey)}${rev.params?.oid ? ` (${rev.params.oid})` : ''}`);
      break;
    case 'good':
      lines.push(`revocation: ${t('pki.revocation.good')} (CRL ${rev.thisUpdate} → ${rev.nextUpdate ?? '-'})`);
      if (rev.stale) lines.push(`warning: ${t('pki.revocation.stale', { date: rev.nextUpdate ?? '' })}`);
      break;
    case 'revoked':
      lines.push(`revocation: ${t('pki.revocation.revoked', { date: rev.revokedAt })}${rev.reason ? ` (${rev.reason})` : ''}`);
      if (rev.stale) lines.push(`warning: ${t('pki.revocation.stale', { date: rev.nextUpdate ?? '' })}`);
      break;
  }
  return `${lines.join('\n')}\n`;
}

/** Exit code for a chain result (README: 0 ok, 1 failed/revoked, 4 revocation unknown or CRL stale). */
export function verifyExitCode(r: ChainResult): number {
  if (r.status !== 'valid' || r.revocation.state === 'revoked') return EXIT.verifyFailed;
  if (r.revocation.state === 'unknown' || (r.revocation.state === 'good' && r.revocation.stale)) return EXIT.revocationUnknown;
  return EXIT.ok;
}

export async function runCommand(argv: readonly string[], read: ReadFile): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  const p = parseArgs(rest);
  const cert = (file: string) => derFromFile(read(file));
  switch (command) {
    case 'inspect': {
      const m = await explainCertificate(cert(oneFile(p, command)));
      return { stdout: p.flags.has('--json') ? `${JSON.stringify(m, null, 2)}\n` : summary(m), code: EXIT.ok };
    }
    case 'text': {
      const m = await explainCertificate(cert(oneFile(p, command)));
      return { stdout: certificateText(m, { annotations: !p.flags.has('--no-annotations'), locale: p.values.get('--lang')?.[0] === 'ja' ? 'ja' : 'en' }), code: EXIT.ok };
    }
    case 'asn1': {
      const file = read(oneFile(p, command));
      let der: Uint8Array = derFromFile(file, ['CERTIFICATE', 'X509 CRL', 'PUBLIC KEY', 'CERTIFICATE REQUEST', 'PKCS7', 'CMS']);
      const sp = p.values.get('--strparse')?.[0];
      if (sp !== undefined) {
        if (!/^\d+$/.test(sp)) usage('--strparse needs a byte offset');
        const node = [...walkAsn1(parseAsn1Tree(der))].find((n) => n.offset === Number(sp));
        if (!node) throw new LensError('pki-asn1-malformed', { offset: Number(sp) }, { detail: 'no element starts at that offset' });
        der = der.subarray(node.contentStart, node.contentStart + node.length);
      }
      return { stdout: asn1Dump(der, { withJpki: !p.flags.has('--plain') }), code: EXIT.ok };
    }
    case 'verify': {
      const der = cert(oneFile(p, command));
      const at = p.values.has('--at') ? parseDate(p.values.get('--at')?.[0] ?? '') : new Date();
      const crlFile = p.values.get('--crl')?.[0];
      const anchors = (p.values.get('--ca') ?? []).map((f) => cert(f));
      const r = await verifyChain(der, {
        at, trustTestRoots: p.flags.has('--trust-test-roots'), anchors,
        ...(crlFile ? { crl: parseCrl(read(crlFile)) } : {}),
      });
      return { stdout: p.flags.has('--json') ? `${JSON.stringify(r, null, 2)}\n` : chainText(r), code: verifyExitCode(r) };
    }
    case 'pem':
      return { stdout: toPem(cert(oneFile(p, command))), code: EXIT.ok };
    case 'bundle': {
      if (p.positional.length) usage('bundle takes no FILE');
      const at = p.values.has('--at') ? parseDate(p.values.get('--at')?.[0] ?? '') : new Date();
      return { stdout: await authChainBundle(at, p.flags.has('--trust-test-roots')), code: EXIT.ok };
    }
    case 'oids':
      return { stdout: opensslOidFile(), code: EXIT.ok };
    case undefined:
    case 'help':
    case '--help':
      return { stdout: USAGE, code: command === undefined ? EXIT.usage : EXIT.ok };
    default:
      return { stdout: '', stderr: USAGE, code: EXIT.usage };
  }
}
