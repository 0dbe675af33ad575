import type { Profile } from '../profile/profile';

/** What was in use when something failed: runMain names the app's doctor command and explains refusals from it. */
export interface FailureContext {
  /** The Nx project of the app whose profile was loaded. */
  app?: string;
  profile?: Profile;
}

const CONTEXT = Symbol('failure context');

type Carrier = { [CONTEXT]?: FailureContext };

/** Attaches the context to the error itself (filling in what is not there yet) and returns it, for `throw withContext(...)`. */
export function withContext<T>(error: T, context: FailureContext): T {
  if (typeof error !== 'object' || error === null) return error;
  const carrier = error as Carrier;
  const known = carrier[CONTEXT] ?? {};
  carrier[CONTEXT] = { app: known.app ?? context.app, profile: known.profile ?? context.profile };
  return error;
}

export function contextOf(error: unknown): FailureContext {
  return (typeof error === 'object' && error !== null && (error as Carrier)[CONTEXT]) || {};
}
