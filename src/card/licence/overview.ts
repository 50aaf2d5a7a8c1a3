/**
 * What the app reads from a licence or a マイナ免許証 instance without any PIN: for the overview.
 */
import type { CardChannel } from '../channel';
import type { PinStatus } from '../pin';
import { isLensError } from '../../errors';
import { DriversLicenceAp, MynaLicenceAp } from './index';
import type { LicenceCommon } from './common';

export interface LicenceOverview {
  readonly common: LicenceCommon;
  /** false: no PIN set, the DPIN is used for the user. */
  readonly pinSet: boolean;
  readonly pin1: PinStatus;
  readonly pin2: PinStatus;
}

export async function readLicenceOverview(channel: CardChannel): Promise<LicenceOverview> {
  const ap = new DriversLicenceAp(channel);
  const common = await ap.readCommon();
  const pinSet = await ap.pinSetting();
  const pin1 = await ap.pinStatus(1);
  const pin2 = await ap.pinStatus(2);
  return { common, pinSet, pin1, pin2 };
}

export interface MynaLicenceOverview {
  readonly pinSet?: boolean;
  readonly pin?: PinStatus;
  /** Codes of what could not be read (the instance's files are UNCONFIRMED). */
  readonly errors: readonly string[];
}

/** The licence instance on a My Number card, or undefined when the card has none. */
export async function probeMynaLicence(channel: CardChannel): Promise<MynaLicenceOverview | undefined> {
  const ap = new MynaLicenceAp(channel);
  if (!(await ap.isPresent())) return undefined;
  const errors: string[] = [];
  const attempt = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      if (isLensError(e)) {
        errors.push(e.code);
        return undefined;
      }
      throw e;
    }
  };
  const pinSet = await attempt(() => ap.pinSetting());
  const pin = await attempt(() => ap.pinStatus());
  return { ...(pinSet !== undefined ? { pinSet } : {}), ...(pin ? { pin } : {}), errors };
}
