/**
 * Lit ReactiveController over the page's licence model (src/app/session/licence-session.ts) and the
 * card session it rides on: a component re-renders on changes of either.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cardSession } from '../session/instance';
import type { CardSessionModel } from '../session/card-session';
import { type LicenceSessionModel, type LicenceSnapshot, licenceSession } from '../session/licence-session';

export class LicenceController implements ReactiveController {
  private unsubscribe: (() => void)[] = [];
  readonly model: LicenceSessionModel;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly session: CardSessionModel = cardSession(),
  ) {
    this.model = licenceSession(session);
    host.addController(this);
  }

  get value(): LicenceSnapshot {
    return this.model.value;
  }

  hostConnected(): void {
    this.unsubscribe = [this.session.subscribe(() => this.host.requestUpdate()), this.model.subscribe(() => this.host.requestUpdate())];
  }

  hostDisconnected(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }
}
