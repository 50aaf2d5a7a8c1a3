/**
 * Lit ReactiveController over the page's one `CardSessionModel`: a component that adds
 * `new CardSessionController(this)` re-renders on every session change and reads it from `.value`;
 * it calls the model's methods (`.session.connect()`, …) and never talks to the reader itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CardSessionModel, SessionSnapshot } from './card-session';
import { cardSession } from './instance';

export class CardSessionController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly session: CardSessionModel = cardSession(),
  ) {
    host.addController(this);
  }

  get value(): SessionSnapshot {
    return this.session.value;
  }

  hostConnected(): void {
    this.unsubscribe = this.session.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
