import { notReadyOnSignals } from './health';
import { Readiness } from './readiness';

describe('Readiness', () => {
  it('is ready after a passing check and says why when a check fails', async () => {
    let fail = false;
    const readiness = new Readiness({
      check: async () => void (fail && (await Promise.reject(new Error('down\nmore')))),
    });
    expect(readiness.current()).toEqual({ ready: false, reason: 'starting' });
    expect(await readiness.checkOnce()).toEqual({ ready: true, reason: 'worker running; cluster answered' });
    fail = true;
    expect(await readiness.checkOnce()).toEqual({ ready: false, reason: 'down' });
  });

  it('fails a check that does not answer within its deadline', async () => {
    const readiness = new Readiness({ check: () => new Promise(() => undefined), deadlineMs: 50 });
    expect(await readiness.checkOnce()).toEqual({ ready: false, reason: 'no answer within 50 ms' });
  });

  it('is not ready once shutdown begins, whatever the last check said', async () => {
    const readiness = new Readiness({ check: async () => undefined });
    await readiness.checkOnce();
    readiness.shuttingDown('shutting down (SIGTERM)');
    expect(readiness.current()).toEqual({ ready: false, reason: 'shutting down (SIGTERM)' });
  });

  it('turns not ready on SIGTERM with the signal as the reason, and stops listening when removed', async () => {
    const readiness = new Readiness({ check: async () => undefined });
    await readiness.checkOnce();
    const before = process.listenerCount('SIGTERM');
    const remove = notReadyOnSignals(readiness, ['SIGTERM']);
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(readiness.current()).toEqual({ ready: false, reason: 'shutting down (SIGTERM)' });
    } finally {
      remove();
    }
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
