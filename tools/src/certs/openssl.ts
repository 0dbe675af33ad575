import { execFileSync } from 'node:child_process';

/** `openssl verify` as an outside check of generated material; the tests fail, saying why, when openssl is missing. */
export function opensslVerify(caFile: string, certFile: string, purpose?: string): string {
  const args = ['verify', ...(purpose ? ['-purpose', purpose] : []), '-CAfile', caFile, certFile];
  try {
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('openssl is not installed: `npm test` installs it (apt-get install openssl).');
    }
    throw error;
  }
}
