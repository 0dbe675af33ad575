import { membershipPortsTooLarge, standardPorts } from './ports';
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
