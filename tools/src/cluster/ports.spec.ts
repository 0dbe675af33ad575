import { createServer } from 'node:net';
import {
  clusterPortRange,
  freeFrontendPort,
  freePorts,
  LARGEST_MEMBERSHIP_PORT,
  membershipPortsTooLarge,
  standardPorts,
} from './ports';
import { startLocalCluster } from './local-cluster';

describe("cluster ports and PostgreSQL's SMALLINT membership column", () => {
  it('the standard ports fit; a frontend at 33100 puts every membership port above 32767', () => {
    expect(membershipPortsTooLarge(standardPorts(7233))).toEqual([]);
    expect(membershipPortsTooLarge(standardPorts(33_061))).toEqual([]);
    expect(membershipPortsTooLarge(standardPorts(33_062)).map(({ name }) => name)).toEqual(['workerMembership']);
    expect(membershipPortsTooLarge(standardPorts(33_100))).toHaveLength(6);
  });

  it('a PostgreSQL cluster on such ports is refused before anything starts, naming the port to use', async () => {
    const started = startLocalCluster({
      namespaces: [],
      frontendPort: 40_000,
      store: { kind: 'postgres', dir: '/nonexistent', url: 'postgres://temporal@127.0.0.1:1/temporal' },
      binary: '/nonexistent/server',
    });
    await expect(started).rejects.toThrow(
      /With the frontend on port 40000, the membership ports \(frontendMembership 39700, .*\) are above 32767[\s\S]*give a frontend port of 33061 or lower/,
    );
  });
});

describe('cluster ports for test files running side by side', () => {
  it('outside Jest the whole range; each Jest worker a slice of its own inside it', () => {
    expect(clusterPortRange('')).toEqual({ first: 20_000, last: LARGEST_MEMBERSHIP_PORT });
    const slices = ['1', '2', '3', '4'].map((worker) => clusterPortRange(worker));
    for (const [index, slice] of slices.entries()) {
      expect(slice.first).toBeGreaterThanOrEqual(20_000);
      expect(slice.last).toBeLessThanOrEqual(LARGEST_MEMBERSHIP_PORT);
      if (index > 0) expect(slice.first).toBeGreaterThan(slices[index - 1].last);
    }
  });

  it("freePorts and freeFrontendPort stay in this worker's slice, and every port they give can be bound", async () => {
    const { first, last } = clusterPortRange();
    const frontend = await freeFrontendPort();
    const given = [...Object.values(await freePorts()), ...Object.values(standardPorts(frontend))];
    expect(new Set(given).size).toBe(given.length);
    for (const port of given) {
      expect(port).toBeGreaterThanOrEqual(first);
      expect(port).toBeLessThanOrEqual(last);
      const server = createServer();
      await new Promise<void>((listening, failed) => server.once('error', failed).listen(port, '127.0.0.1', listening));
      await new Promise((closed) => server.close(closed));
    }
  });
});
