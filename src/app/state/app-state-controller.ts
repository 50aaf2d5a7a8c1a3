/**
 * Lit ReactiveController over `appState`: a component that adds `new AppStateController(this)`
 * re-renders when the route, language, network or update state changes, and reads it from `.value`.
 * Every screen that shows text should have one, so a language switch re-renders it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { appState, type AppSnapshot, type AppState } from './app-state';

export class AppStateController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly state: AppState = appState,
  ) {
    host.addController(this);
  }

  get value(): AppSnapshot {
    return this.state.value;
  }

  hostConnected(): void {
    this.unsubscribe = this.state.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
