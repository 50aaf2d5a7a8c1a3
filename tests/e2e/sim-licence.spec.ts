/**
 * The e2e harness can put a virtual IC driver's licence (src/sim/licence/) into a reader double:
 * `card: { kind: 'drivers-licence', …options }`, and swap cards at run time. The app's licence screens
 * are tested in their own specs; this checks the simulator side of the path.
 */
import { test, expect, appReady } from './harness';

test.describe('simulated licence in the harness', () => {
  test.use({
    sim: {
      devices: [
        // not granted: the app leaves them alone, so nothing else talks to the cards between our APDUs
        { profile: 'scr3310-nttcom', card: { kind: 'drivers-licence', holder: 'gaiji' } },
        { profile: 'rcs380', card: { kind: 'drivers-licence', holder: 'no-pin', readLimit: 400 } },
      ],
    },
  });

  test('both readers are plugged; each slot holds the licence with the options given; PIN data is masked in its log', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const result = await page.evaluate(async () => {
      const sim = window.__jpkiLensSim!;
      const hex = (b: Uint8Array) => [...b].map((v) => v.toString(16).padStart(2, '0')).join(' ');
      const contact = sim.licence(0)!;
      const contactless = sim.licence(1)!;
      const answer = async (apdu: number[]) => hex(await contact.transmit(Uint8Array.from(apdu)));
      return {
        devices: sim.devices().map((d) => d.productName),
        holders: [contact.holder.id, contactless.holder.id],
        myNumberCard: sim.card(0) === undefined,
        atr: hex(contact.atr),
        pinSetting: await answer([0x00, 0xb0, 0x8a, 0x00, 0x03]),
        counter: await answer([0x00, 0x20, 0x00, 0x81]),
        verify: await answer([0x00, 0x20, 0x00, 0x81, 0x04, 0x31, 0x32, 0x33, 0x34]),
        log: contact.log.at(-1)?.command,
        limited: await (async () => {
          const send = async (apdu: number[]) => contactless.transmit(Uint8Array.from(apdu));
          await send([0x00, 0x20, 0x00, 0x81, 0x04, 0x2a, 0x2a, 0x2a, 0x2a]); // the DPIN
          await send([0x00, 0xa4, 0x04, 0x0c, 0x10, 0xa0, 0x00, 0x00, 0x02, 0x31, 0x01, ...new Array<number>(10).fill(0)]);
          await send([0x00, 0xa4, 0x02, 0x0c, 0x02, 0x00, 0x01]);
          return (await send([0x00, 0xb0, 0x00, 0x00, 0x00, 0x03, 0x70])).length - 2;
        })(),
      };
    });
    expect(result).toEqual({
      devices: ['SCR3310-NTTCom USB SmartCard Reader', 'RC-S380/P'],
      holders: ['gaiji', 'no-pin'],
      myNumberCard: true,
      atr: '3b f5 91 00 ff 91 81 71 fe 40 00 42 00 01 b3 c1 75',
      pinSetting: '05 01 01 90 00',
      counter: '63 c3',
      verify: '90 00',
      log: '00 20 00 81 04 ** ** ** **',
      limited: 400,
    });
  });

  test('insertCard swaps a My Number card (with the マイナ免許証 instance) for a licence and back', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const kinds = await page.evaluate(async () => {
      const sim = window.__jpkiLensSim!;
      // a reader the page was never granted, so the app does not talk to the card between our APDUs
      const i = sim.plug({ profile: 'scr3310-nttcom', card: false });
      sim.insertCard(i, { person: 'ordinary', licence: true });
      const myna = sim.card(i)!;
      const instance = await myna.transmit(Uint8Array.from([0x00, 0xa4, 0x04, 0x0c, 0x10, 0xa0, 0x00, 0x00, 0x02, 0x31, 0x06, ...new Array<number>(10).fill(0)]));
      const counter = await myna.transmit(Uint8Array.from([0x00, 0x20, 0x00, 0x86]));
      const first = [sim.licence(i) !== undefined, [...instance, ...counter].map((b) => b.toString(16)).join(' ')];
      sim.insertCard(i, { kind: 'drivers-licence', holder: 'changes' });
      return [...first, sim.card(i) !== undefined, sim.licence(i)?.holder.id];
    });
    expect(kinds).toEqual([false, '90 0 63 ca', false, 'changes']);
  });
});
