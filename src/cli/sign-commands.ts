// The CLI's signature commands (issue 14), over src/sign: `verify-signature X.p7s [FILE]` and
// `client-auth-bundle`. Kept apart from commands.ts so the certificate commands stay one file;
// main.ts asks this module first; their usage lines are in commands.ts USAGE. Output and exit codes: src/cli/README.md.
import { readFileSync } from 'node:fs';
import { LensError } from '../errors';
import { t } from '../i18n';
import { derFromFile } from '../pki';
import { verifyDetachedSignature, type VerifyResult } from '../sign/cms';
import { clientAuthBundle } from '../sign/kit/bundle';
import { EXIT, parseDate, type CommandOutput, type ReadFile } from './commands';


function usage(detail: string): never {
  throw new LensError('pki-cli-usage', { detail });
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function text(r: VerifyResult, subject: string): string {
  const lines = [
    `signature: ${r.signatureValid ? 'valid' : 'INVALID'}${r.attached ? ' (attached content)' : ' (detached)'}`,
    `signer: ${subject || '-'}`,
    `digest: ${r.digestAlgorithm}, signature algorithm: ${r.signatureAlgorithm}, content ${r.contentLength} bytes`,
    `signing time (the signer's claim, not a time-stamp): ${r.signingTime ? r.signingTime.toISOString() : '-'}`,
    `chain: ${r.chain ? (r.chain.status === 'valid' ? `verified (${r.chain.links.at(-1)?.anchor?.file ?? ''})` : `NOT verified — ${t(r.chain.reasonKey ?? '', r.chain.reasonParams ?? {})}`) : '-'}`,
    `revocation: ${r.chain ? t(r.chain.revocation.state === 'not-checked' || r.chain.revocation.state === 'unknown' ? r.chain.revocation.reasonKey : `pki.revocation.${r.chain.revocation.state}`) : '-'}`,
  ];
  for (const p of r.problems) lines.push(`problem: ${p} — ${t(`sign.problem.${p}`)}`);
  return `${lines.join('\n')}\n`;
}

/** Reads a CLI argument's file; an unreadable one is `pki-file-unreadable` (as for the other commands). */
export function readCliFile(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new LensError('pki-file-unreadable', { file }, { cause: e });
  }
}

/** Runs a signature command, or returns undefined when `argv` is not one (commands.ts handles it). */
export async function runSignCommand(argv: readonly string[], read: ReadFile): Promise<CommandOutput | undefined> {
  const [command, ...rest] = argv;
  if (command !== 'verify-signature' && command !== 'client-auth-bundle') return undefined;
  const positional: string[] = [];
  const flags = new Set<string>();
  let at: Date | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--at') at = parseDate(rest[++i] ?? usage('--at needs a value'));
    else if (a === '--lang') i++;
    else if (a === '--json' || a === '--trust-test-roots') flags.add(a);
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else positional.push(a);
  }
  const trustTestRoots = flags.has('--trust-test-roots');
  if (command === 'client-auth-bundle') {
    if (positional.length) usage('client-auth-bundle takes no FILE');
    return { stdout: clientAuthBundle({ includeTest: trustTestRoots }), code: EXIT.ok };
  }
  if (positional.length < 1 || positional.length > 2) usage('verify-signature takes X.p7s and optionally the signed FILE');
  const p7s = derFromFile(read(positional[0] ?? ''), ['CMS', 'PKCS7']);
  const content = positional[1] !== undefined ? read(positional[1]) : undefined;
  const r = await verifyDetachedSignature(p7s, content, { ...(at ? { at } : {}), trustTestRoots });
  const subject = r.chain?.links[0]?.subject ?? '';
  const ok = r.signatureValid && r.chain?.status === 'valid';
  if (flags.has('--json')) {
    const json = {
      signatureValid: r.signatureValid, attached: r.attached, problems: r.problems, digestAlgorithm: r.digestAlgorithm,
      signatureAlgorithm: r.signatureAlgorithm, signingTime: r.signingTime?.toISOString() ?? null, contentLength: r.contentLength,
      signerCount: r.signerCount, signer: hex(r.signer), subject, chain: r.chain ?? null,
    };
    return { stdout: `${JSON.stringify(json, null, 2)}\n`, code: ok ? EXIT.ok : EXIT.verifyFailed };
  }
  return { stdout: text(r, subject), code: ok ? EXIT.ok : EXIT.verifyFailed };
}
