/**
 * The state of the "use the keys" screens (issue 14), in its own model so card-session.ts stays the
 * card's state machine: the login proof, signing a file, verifying a signature, and the
 * client-certificate kit's local check. Components render `value` and call the methods.
 *
 * House rules kept here:
 * - PIN steps go through `CardSessionModel.runCardStep` (one at a time, counter first and the last-try
 *   guard in JpkiAp.verifyPin, nothing re-sent); the JPKI login is ended (re-SELECT) after each use;
 * - a PSS refusal by the card is reported, never retried with the PIN;
 * - the file being signed or verified stays a `File` in this page: it is read as a stream for its
 *   hash, never uploaded or stored; the .p7s (which carries the sign certificate, i.e. the holder's
 *   name, address, birth date and sex) lives in memory until `clear()` (the screen calls it when it is left)
 *   or the card is removed.
 */
import { LensError } from '../../errors';
import { derFromFile, verifyChain, type ChainResult } from '../../pki';
import { createDetachedSignature, verifyDetachedSignature, type VerifyResult } from '../../sign/cms';
import { proveKeyPossession, type KeyPossessionProof, type ProofScheme } from '../../sign/challenge';
import { digestContent } from '../../sign/digest';
import { wouldServerAccept, type Acceptance } from '../../sign/kit/acceptance';
import { asLensError, type CardSessionModel, type PinOutcome } from './card-session';
import { cardSession } from './instance';

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface ProofAttempt {
  readonly scheme: ProofScheme;
  readonly proof?: KeyPossessionProof;
  readonly error?: LensError;
}

export interface LoginProofState {
  readonly attempts: readonly ProofAttempt[];
  readonly chain?: ChainResult;
  readonly at: Date;
}

export interface SignState {
  readonly file?: File;
  readonly hashing?: Progress;
  readonly digest?: Uint8Array;
  readonly p7s?: Uint8Array;
  readonly signedAt?: Date;
  readonly error?: LensError;
}

export interface VerifyState {
  readonly signature?: File;
  readonly content?: File;
  readonly busy?: Progress;
  readonly result?: VerifyResult;
  readonly error?: LensError;
}

export interface KitState {
  readonly source?: 'card' | 'file';
  readonly certificate?: Uint8Array;
  readonly acceptance?: Acceptance;
  readonly error?: LensError;
}

export interface SignFlowSnapshot {
  readonly proof?: LoginProofState;
  readonly sign: SignState;
  readonly verify: VerifyState;
  readonly kit: KitState;
}

/** Codes that end the card step (the session handles them) rather than being a PSS "not supported". */
function isTransportError(e: LensError): boolean {
  return !(e.code.startsWith('sw-') || e.code.startsWith('jpki-') || e.code === 'pin-not-verified');
}

export class SignFlowModel {
  private snap: SignFlowSnapshot = { sign: {}, verify: {}, kit: {} };
  private readonly listeners = new Set<(s: SignFlowSnapshot) => void>();
  private lastPaint = 0;
  /** Bumped by clear() and by a new job of the same kind: a late result of an abandoned one is dropped. */
  private signGen = 0;
  private verifyGen = 0;

  constructor(private readonly session: CardSessionModel = cardSession()) {
    // A card taken out ends what was made with it (the .p7s holds the sign certificate).
    session.subscribe((s) => {
      if (s.phase === 'ready' || !(this.snap.proof || this.snap.sign.p7s)) return;
      const { file, digest } = this.snap.sign;
      this.set({ sign: { ...(file ? { file } : {}), ...(digest ? { digest } : {}) }, verify: this.snap.verify, kit: this.snap.kit });
    });
  }

  get value(): SignFlowSnapshot {
    return this.snap;
  }

  subscribe(listener: (s: SignFlowSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: SignFlowSnapshot): void {
    this.snap = next;
    for (const l of this.listeners) l(next);
  }

  private get demo(): boolean {
    return this.session.value.reader?.demo === true;
  }

  /** Progress at most every 100 ms (and the last one), so hashing is not slowed by repaints. */
  private throttled(apply: (p: Progress) => void): (done: number, total: number) => void {
    return (done, total) => {
      const now = performance.now();
      if (done < total && now - this.lastPaint < 100) return;
      this.lastPaint = now;
      apply({ done, total });
    };
  }

  /** Forget everything (the screen was left). */
  clear(): void {
    this.signGen++;
    this.verifyGen++;
    this.set({ sign: {}, verify: {}, kit: {} });
  }

  // ---- login proof ---------------------------------------------------------------------------

  /**
   * The 利用者証明用 PIN, then a fresh challenge signed with PKCS#1 v1.5 and, if asked, RSA-PSS
   * (P1=04, single-source): each verified against the auth certificate; the certificate's chain too.
   */
  proveLogin(value: string, acknowledgeLastTry: boolean, withPss: boolean): Promise<PinOutcome> {
    const demo = this.demo;
    return this.session.runCardStep('sign', 'jpki-auth', async (channel, rt, verified) => {
      const ap = new rt.JpkiAp(channel);
      await ap.verifyPin('auth', value, { acknowledgeLastTry });
      verified();
      try {
        const certificate = this.session.value.card?.certificates.auth.der ?? (await ap.readCertificate('auth'));
        const attempts: ProofAttempt[] = [{ scheme: 'pkcs1-v1_5', proof: await proveKeyPossession(ap, 'auth', certificate) }];
        if (withPss) {
          try {
            attempts.push({ scheme: 'pss', proof: await proveKeyPossession(ap, 'auth', certificate, { scheme: 'pss' }) });
          } catch (e) {
            const error = asLensError(e);
            if (isTransportError(error)) throw e;
            attempts.push({ scheme: 'pss', error });
          }
        }
        const chain = await verifyChain(certificate, { trustTestRoots: demo });
        this.set({ ...this.snap, proof: { attempts, chain, at: new Date() } });
      } finally {
        await ap.logout().catch(() => undefined);
      }
    });
  }

  // ---- sign a file ---------------------------------------------------------------------------

  /** A file was chosen: hash it now (streamed, with progress) so signing needs only the card. */
  async chooseFile(file: File): Promise<void> {
    const gen = ++this.signGen;
    this.set({ ...this.snap, sign: { file, hashing: { done: 0, total: file.size } } });
    try {
      const digest = await digestContent(file, { onProgress: this.throttled((p) => gen === this.signGen && this.set({ ...this.snap, sign: { file, hashing: p } })) });
      if (gen === this.signGen) this.set({ ...this.snap, sign: { file, digest } });
    } catch (e) {
      if (gen === this.signGen) this.set({ ...this.snap, sign: { file, error: asLensError(e) } });
    }
  }

  /** The 署名用パスワード, then the card signs the .p7s's signed attributes for the chosen file. */
  signChosen(value: string, acknowledgeLastTry: boolean): Promise<PinOutcome> {
    const { file, digest } = this.snap.sign;
    if (!file || !digest) return Promise.resolve({ ok: false, error: new LensError('sign-no-file') });
    const gen = this.signGen;
    return this.session.runCardStep('sign', 'jpki-sign', async (channel, rt, verified) => {
      const ap = new rt.JpkiAp(channel);
      await ap.verifyPin('sign', value, { acknowledgeLastTry });
      verified();
      try {
        const signer = await ap.readCertificate('sign');
        const ca = await ap.readCertificate('sign-ca');
        const signedAt = new Date();
        const p7s = await createDetachedSignature({ content: file, messageDigest: digest, signer, chain: [ca], sign: (di) => ap.sign('sign', di), signingTime: signedAt });
        // Dropped if the screen was left (clear) or another file chosen meanwhile.
        if (gen === this.signGen) this.set({ ...this.snap, sign: { file, digest, p7s, signedAt } });
      } finally {
        await ap.logout().catch(() => undefined);
      }
    });
  }

  // ---- verify a signature --------------------------------------------------------------------

  setSignatureFile(file: File | undefined): void {
    this.set({ ...this.snap, verify: { ...(file ? { signature: file } : {}), ...(this.snap.verify.content ? { content: this.snap.verify.content } : {}) } });
  }

  setContentFile(file: File | undefined): void {
    this.set({ ...this.snap, verify: { ...(this.snap.verify.signature ? { signature: this.snap.verify.signature } : {}), ...(file ? { content: file } : {}) } });
  }

  /** The signature just made, with its file, into the verify page. */
  useOwnSignature(): void {
    const { file, p7s } = this.snap.sign;
    if (!file || !p7s) return;
    this.set({ ...this.snap, verify: { signature: new File([p7s.slice()], `${file.name}.p7s`, { type: 'application/pkcs7-signature' }), content: file } });
  }

  async verify(): Promise<void> {
    const { signature, content } = this.snap.verify;
    if (!signature) return;
    const gen = ++this.verifyGen;
    const base = { signature, ...(content ? { content } : {}) };
    this.set({ ...this.snap, verify: { ...base, busy: { done: 0, total: content?.size ?? 0 } } });
    try {
      const p7s = derFromFile(new Uint8Array(await signature.arrayBuffer()), ['CMS', 'PKCS7']);
      const result = await verifyDetachedSignature(p7s, content ?? null, {
        trustTestRoots: this.demo,
        onProgress: this.throttled((p) => gen === this.verifyGen && this.set({ ...this.snap, verify: { ...base, busy: p } })),
      });
      if (gen === this.verifyGen) this.set({ ...this.snap, verify: { ...base, result } });
    } catch (e) {
      if (gen === this.verifyGen) this.set({ ...this.snap, verify: { ...base, error: asLensError(e) } });
    }
  }

  // ---- client-certificate kit ------------------------------------------------------------------

  /** The local "would a server with this bundle accept it?" for the card's auth certificate or a file. */
  async checkCertificate(source: 'card' | 'file', data?: Uint8Array): Promise<void> {
    try {
      const der = source === 'card' ? this.session.value.card?.certificates.auth.der : data ? derFromFile(data) : undefined;
      if (!der) throw new LensError('sign-no-certificate');
      const acceptance = await wouldServerAccept(der, { trustTestRoots: this.demo });
      this.set({ ...this.snap, kit: { source, certificate: der, acceptance } });
    } catch (e) {
      this.set({ ...this.snap, kit: { source, error: asLensError(e) } });
    }
  }
}

let instance: SignFlowModel | undefined;

export function signFlow(): SignFlowModel {
  instance ??= new SignFlowModel();
  return instance;
}
