/**
 * Lit ReactiveController over the page's one SignFlowModel (like CardSessionController): a component
 * with `new SignFlowController(this)` re-renders on every change and calls `.flow.<method>()`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { signFlow, type SignFlowModel, type SignFlowSnapshot } from '../session/sign-flow';

export class SignFlowController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly flow: SignFlowModel = signFlow(),
  ) {
    host.addController(this);
  }

  get value(): SignFlowSnapshot {
    return this.flow.value;
  }

  hostConnected(): void {
    this.unsubscribe = this.flow.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
