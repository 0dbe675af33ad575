import { join } from 'node:path';
import { startScript, WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';

describe('the demo (npm run demo)', () => {
  it('starts a server, runs worker and client, prints the result and stops cleanly', async () => {
    const demo = startScript(join(WORKSPACE_ROOT, 'tools', 'dist', 'demo', 'cli.js'));
    expect(await demo.exited).toBe(0);
    const output = demo.output();
    expect(output).toMatch(/with mutual TLS \(frontend and internode\)/);
    expect(output).toMatch(/Namespace "samples" created/);
    expect(output).toMatch(/^\[client\] Result: Hello, Temporal!$/m);
    expect(output).toMatch(/^\[worker\] .* \[INFO\] Worker stopped\.$/m);
    expect(output).toMatch(/Demo finished\./);
  });

  it('refuses an app it cannot run at once, with exit 2 and the apps it can', async () => {
    const demo = startScript(join(WORKSPACE_ROOT, 'tools', 'dist', 'demo', 'cli.js'), { args: ['--app', 'biling'] });
    expect(await demo.exited).toBe(2);
    expect(demo.output()).toContain('--app biling: apps/biling does not exist.');
    expect(demo.output()).toMatch(/Fix: give one of .*local-mtls.*plain/);
  });
});
