/** Why a forwarded access token was not accepted; the reason is safe to return to the caller. */
export class AccessTokenError extends Error {
  constructor(readonly reason: string) {
    super(`access token refused: ${reason}`);
    this.name = 'AccessTokenError';
  }
}
