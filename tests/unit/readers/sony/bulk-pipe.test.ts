/** BulkPipe's write is bounded (house rule 6): a device that never takes the data ends in `timeout`. */
import { describe, expect, it } from 'vitest';
import { isLensError } from '../../../../src/errors';
import { BulkPipe } from '../../../../src/readers/sony/bulk-pipe';
import { openVendorInterface } from '../../../../src/readers/sony/usb-open';
import { Rcs380Double } from '../../../../src/sim/sony';

const context = { name: 'test reader', vendorId: 0x054c, productId: 0x06c3, os: 'linux' as const };

describe('Sony USB steps are bounded', () => {
  it('a transferOut that never completes rejects with timeout after writeTimeoutMs', async () => {
    const device = new Rcs380Double();
    const vendor = await openVendorInterface(device, context);
    device.transferOut = () => new Promise<USBOutTransferResult>(() => undefined);
    const pipe = new BulkPipe(device, { ...vendor, context, writeTimeoutMs: 30 });
    const err = await pipe.write(Uint8Array.of(0, 0, 0xff, 0, 0xff, 0)).catch((e: unknown) => e);
    expect(isLensError(err, 'timeout')).toBe(true);
  });

  it('a claimInterface that never completes rejects with timeout', async () => {
    const device = new Rcs380Double();
    device.claimInterface = () => new Promise<void>(() => undefined);
    const err = await openVendorInterface(device, context, undefined, 30).catch((e: unknown) => e);
    expect(isLensError(err, 'timeout')).toBe(true);
  });
});
