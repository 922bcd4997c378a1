import type { Clock } from '@chatpay/core/wire';

/** A join token and the instant it was obtained (on the transport's clock). */
export interface ObtainedToken {
  readonly token: string;
  readonly obtainedAt: number;
}

/** The `exp` of a JWT, read without verifying it (the server verifies), in ms; undefined if it has none. */
export function expiryOf(token: string): number | undefined {
  try {
    const part = token.split('.')[1];
    if (!part) return undefined;
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How long after it was obtained a token is refreshed, ms: `refreshMs` if given, else once 80 % of
 * its life has passed (at least a second); undefined for a token without `exp`, which is only
 * replaced on reconnection.
 */
export function refreshDelayOf(obtained: ObtainedToken, refreshMs: number | undefined): number | undefined {
  if (refreshMs !== undefined) return refreshMs;
  const expiry = expiryOf(obtained.token);
  return expiry === undefined ? undefined : Math.max(1000, (expiry - obtained.obtainedAt) * 0.8);
}

export interface TokenRefreshOptions {
  readonly clock: Clock;
  /** The integrator's token provider. */
  readonly provide: () => string | Promise<string>;
  readonly refreshMs: number | undefined;
  /** Hands the new token to the server on the open connection. */
  readonly hand: (token: string) => void;
}

/**
 * While a connection is open: asks for a new token before the current one expires and hands it to
 * the server without reconnecting, again and again. A refresh that falls due before the connection
 * opened is left to the next reconnection; so is one whose provider fails (the server closes the
 * connection when the old token expires, and the reconnection asks again). Returns, for a token
 * `input` (none without a provider), the function that stops refreshing it.
 */
export function tokenRefresh(options: TokenRefreshOptions) {
  return (input: ObtainedToken | undefined): (() => void) => {
    const { clock } = options;
    let timer: unknown;
    let stopped = false;
    const plan = (obtained: ObtainedToken) => {
      const delay = refreshDelayOf(obtained, options.refreshMs);
      if (delay === undefined) return;
      const remaining = obtained.obtainedAt + delay - clock.now();
      if (remaining < 0) return;
      timer = clock.setTimeout(() => {
        Promise.resolve()
          .then(() => options.provide())
          .then(
            (next) => {
              if (stopped) return;
              options.hand(next);
              plan({ token: next, obtainedAt: clock.now() });
            },
            () => undefined,
          );
      }, remaining);
    };
    if (input) plan(input);
    return () => {
      stopped = true;
      clock.clearTimeout(timer);
    };
  };
}
