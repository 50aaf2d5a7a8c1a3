import { isLensError } from '../../../src/errors';

/**
 * How a promise ended, as one string to compare: 'resolved', the LensError code, or a text that no
 * code can equal (so an unnamed error fails the assertion instead of passing as "some error").
 */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return isLensError(e) ? e.code : `not a LensError: ${String(e)}`;
  }
}
