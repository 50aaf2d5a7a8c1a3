/**
 * The set-up the interop suites share (OpenSC, the PC/SC CLI, the signature agreement): pcscd + vpcd
 * with a virtual card around the enclosing describe, and a `ready(ctx)` that gives a test the running
 * environment. Missing tools skip with the reason, except under CI=true, where they are a failure.
 */
import { afterAll, beforeAll, type TestContext } from 'vitest';
import type { VirtualMyNumberCard } from '../../src/sim';
import { startPcscEnvironment, type PcscEnvironment, type Tools } from './pcsc-env';

export interface SuiteSetup {
  /** The tools, when all were found. */
  readonly tools: Tools | undefined;
  /** Why the suite cannot run here (missing tools, a pcscd already running, …), if it cannot. */
  readonly problem: string | undefined;
  /** Names the suite in the CI=true failure message. */
  readonly suite: string;
}

/** Starts pcscd + vpcd with `card` around the enclosing describe; the function returned gives a test the environment. */
export function pcscEnvironmentFor(card: VirtualMyNumberCard, setup: SuiteSetup): (ctx: TestContext) => PcscEnvironment {
  let env: PcscEnvironment | undefined;
  let setupError: unknown;
  beforeAll(async () => {
    if (setup.problem || !setup.tools) return;
    try {
      env = await startPcscEnvironment(setup.tools, card);
    } catch (e) {
      setupError = e;
    }
  }, 40_000);
  afterAll(async () => {
    await env?.stop();
  }, 15_000);
  return (ctx) => {
    if (setup.problem) {
      if (process.env.CI === 'true') throw new Error(`${setup.problem} (CI=true: the ${setup.suite} must run)`);
      ctx.skip(setup.problem);
    }
    if (setupError !== undefined) throw setupError instanceof Error ? setupError : new Error('pcsc environment setup failed');
    if (!env) throw new Error('pcsc environment not started');
    return env;
  };
}
