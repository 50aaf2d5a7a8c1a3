/**
 * The simulated-WebUSB injection path: the app's `navigator.usb` is the FakeUsb from
 * test-build/sim-usb.js, installed before the app's own scripts, and its devices behave as USBDevices.
 */
import { test, expect, appReady } from './harness';

test.describe('simulated WebUSB', () => {
  test.use({ sim: { devices: [{ kind: 'echo', serialNumber: 'GRANTED-1', granted: true }, { kind: 'echo', serialNumber: 'NEW-2' }] } });

  test('getDevices lists the granted device; a transfer round-trips through the double', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const result = await page.evaluate(async () => {
      const devices = await navigator.usb.getDevices();
      const d = devices[0];
      await d.open();
      await d.selectConfiguration(1);
      await d.claimInterface(0);
      await d.transferOut(1, new Uint8Array([0x62, 0x00, 0x01]));
      const r = await d.transferIn(1, 64);
      await d.close();
      return {
        serials: devices.map((x) => x.serialNumber),
        isFake: navigator.usb.constructor.name,
        echoed: [...new Uint8Array(r.data!.buffer)],
        status: r.status,
      };
    });
    expect(result).toEqual({ serials: ['GRANTED-1'], isFake: 'FakeUsb', echoed: [0x62, 0x00, 0x01], status: 'ok' });
    const log = await page.evaluate(() => window.__jpkiLensSim!.usbLog(0));
    expect(log).toEqual([
      { dir: 'out', endpoint: 1, hex: '62 00 01' },
      { dir: 'in', endpoint: 1, hex: '62 00 01' },
    ]);
  });

  test('requestDevice needs a user gesture, then the simulated chooser picks and grants a device', async ({ page }) => {
    // Without a gesture: called from a load listener, not from evaluate (which grants activation, stack.md gotcha 3).
    await page.addInitScript(() => {
      window.addEventListener('load', () => {
        const w = window as unknown as { __noGesture?: Promise<string> };
        w.__noGesture = navigator.usb.requestDevice({ filters: [{ vendorId: 0x1209 }] }).then(() => 'resolved', (e: DOMException) => e.name);
      });
    });
    await page.goto('/');
    await appReady(page);
    const noGesture = await page.evaluate(() => (window as unknown as { __noGesture?: Promise<string> }).__noGesture);
    expect(noGesture).toBe('SecurityError');

    await page.evaluate(() => window.__jpkiLensSim!.setChooser({ pick: 'NEW-2' }));
    const picked = await page.evaluate(async () => {
      const d = await navigator.usb.requestDevice({ filters: [{ classCode: 0xff }] });
      return { serial: d.serialNumber, granted: (await navigator.usb.getDevices()).map((x) => x.serialNumber) };
    });
    expect(picked).toEqual({ serial: 'NEW-2', granted: ['GRANTED-1', 'NEW-2'] });

    await page.evaluate(() => window.__jpkiLensSim!.setChooser('cancel'));
    const cancelled = await page.evaluate(() => navigator.usb.requestDevice({ filters: [] }).then(() => 'resolved', (e: DOMException) => e.name));
    expect(cancelled).toBe('NotFoundError');
    expect(await page.evaluate(() => window.__jpkiLensSim!.chooserCalls)).toBe(2);
  });

  test('unplugging fires disconnect and fails the pending transfer', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const outcome = await page.evaluate(async () => {
      const [d] = await navigator.usb.getDevices();
      await d.open();
      await d.selectConfiguration(1);
      await d.claimInterface(0);
      const events: string[] = [];
      navigator.usb.addEventListener('disconnect', (e) => events.push(`disconnect ${(e).device.serialNumber}`));
      const pending = d.transferIn(1, 64).then(() => 'resolved', (e: DOMException) => e.name);
      window.__jpkiLensSim!.unplug(0);
      return { pending: await pending, events, plugged: window.__jpkiLensSim!.devices().map((x) => x.plugged) };
    });
    expect(outcome).toEqual({ pending: 'NotFoundError', events: ['disconnect GRANTED-1'], plugged: [false, true] });
  });
});

test.describe('simulated readers with a virtual card', () => {
  // Not granted: the app (which reconnects granted readers on load) leaves them alone, and the test
  // takes them through the chooser itself.
  test.use({
    sim: {
      devices: [{ profile: 'scr3310-nttcom' }, { profile: 'class0b-extended' }, { profile: 'scr3310-nttcom', card: false }],
    },
  });

  test('the SCR3310-NTTCom double powers the virtual card on over CCID; a class-0x0B reader cannot be claimed', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const names = await page.evaluate(() => window.__jpkiLensSim!.devices().map((d) => d.productName));
    const result = await page.evaluate(async ([scrName, class0bName]) => {
      const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
      const sim = window.__jpkiLensSim!;
      sim.setChooser({ pick: scrName });
      const scr = await navigator.usb.requestDevice({ filters: [{ vendorId: 0x04e6, productId: 0x511a }] });
      await scr.open();
      await scr.selectConfiguration(1);
      await scr.claimInterface(0);
      // CCID Rev 1.10 §6.1.1 PC_to_RDR_IccPowerOn, slot 0, bSeq 0, automatic voltage.
      await scr.transferOut(1, new Uint8Array([0x62, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
      const r = await scr.transferIn(2, 271 + 10);
      const msg = new Uint8Array(r.data!.buffer);
      await scr.close();
      sim.setChooser({ pick: class0bName });
      const class0b = await navigator.usb.requestDevice({ filters: [] });
      await class0b.open();
      await class0b.selectConfiguration(1);
      const claim = await class0b.claimInterface(0).then(
        () => 'claimed',
        (e: DOMException) => `${e.name}: ${e.message}`,
      );
      await class0b.close();
      return {
        type: msg[0],
        atr: hex(msg.slice(10)),
        claim,
        card: sim.card(0)?.person.id ?? null,
        emptyReaderCard: sim.card(2) ?? null,
      };
    }, names);
    expect(result.type).toBe(0x80); // RDR_to_PC_DataBlock
    expect(result.atr).toBe('3BDA13FF8131FB468012392F31C173C601C03B'); // the virtual card's default ATR (jpki-02)
    expect(result.claim).toBe("SecurityError: Failed to execute 'claimInterface' on 'USBDevice': The requested interface implements a protected class.");
    expect(result.card).toBe('ordinary');
    expect(result.emptyReaderCard).toBeNull();
  });

  test('the chooser, filtered to vendor-class readers, offers only the ones a page can use', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const candidates = await page.evaluate(async () => {
      const seen: string[] = [];
      // A chooser that records what it is offered and picks none (the user cancels).
      window.__jpkiLensSim!.usb.chooser = (c) => {
        seen.push(...c.map((d) => `${d.vendorId.toString(16)}:${d.productId.toString(16)}`));
        return undefined;
      };
      const outcome = await navigator.usb.requestDevice({ filters: [{ classCode: 0xff }] }).then(
        () => 'picked',
        (e: DOMException) => e.name,
      );
      return { seen, outcome };
    });
    // Both SCR3310 doubles (04E6:511A), never the class-0x0B reader; cancelling is NotFoundError.
    expect(candidates).toEqual({ seen: ['4e6:511a', '4e6:511a'], outcome: 'NotFoundError' });
  });

  test('a card inserted into an empty reader is announced on the interrupt endpoint and then answers', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const result = await page.evaluate(async () => {
      const sim = window.__jpkiLensSim!;
      sim.setChooser({ pick: sim.devices()[2].productName });
      // The empty reader is the third device; the first SCR3310 matches the same filter, so pick by position.
      sim.usb.chooser = (c) => c[c.length - 1];
      const d = await navigator.usb.requestDevice({ filters: [{ vendorId: 0x04e6, productId: 0x511a }] });
      await d.open();
      await d.selectConfiguration(1);
      await d.claimInterface(0);
      const powerOn = async (seq: number) => {
        await d.transferOut(1, new Uint8Array([0x62, 0, 0, 0, 0, 0, seq, 0, 0, 0]));
        return [...new Uint8Array((await d.transferIn(2, 281)).data!.buffer)];
      };
      const empty = await powerOn(0);
      const notify = d.transferIn(3, 8);
      sim.insertCard(2, { person: 'ordinary' });
      const slotChange = [...new Uint8Array((await notify).data!.buffer)];
      const withCard = await powerOn(1);
      await d.close();
      return { empty: empty.slice(0, 10), slotChange, withCard: withCard[0], card: sim.card(2)?.person.id };
    });
    // CCID Rev 1.10 §6.2.1/§6.2.6: the answer to IccPowerOn is a DataBlock (0x80), here with bmICCStatus 2
    // "no ICC present" and bmCommandStatus 1 "failed".
    expect(result.empty[0]).toBe(0x80);
    expect(result.empty[7] & 0x03).toBe(2);
    expect(result.empty[7] >> 6).toBe(1);
    // §6.3.1 RDR_to_PC_NotifySlotChange: slot 0 present and changed (bits 0 and 1).
    expect(result.slotChange).toEqual([0x50, 0x03]);
    expect(result.withCard).toBe(0x80);
    expect(result.card).toBe('ordinary');
  });
});
