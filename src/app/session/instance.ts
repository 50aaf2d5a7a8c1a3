/**
 * The page's one card session, created on first use from the browser's `navigator.usb` (absent in
 * browsers without WebUSB: only the demo works there) and with the demo's lazily loaded device.
 */
import { CardSessionModel } from './card-session';
import { loadDemoDevice } from '../demo/demo-device';
import { contactlessRateSetting } from '../state/contactless-rate-setting';

let instance: CardSessionModel | undefined;

function platform(): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return nav.userAgentData?.platform || nav.userAgent;
}

export function cardSession(): CardSessionModel {
  instance ??= new CardSessionModel({
    ...('usb' in navigator ? { usb: navigator.usb } : {}),
    platform: platform(),
    loadDemoDevice,
    contactlessMaxRate: contactlessRateSetting.maxRate,
  });
  return instance;
}
