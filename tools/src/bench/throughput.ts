import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from '../certs/generate';
import { DEFAULT_CERTS_DIR } from '../certs/layout';
import { DEFAULT_SERVER_NAME } from '../certs/options';
import { runCommand } from '../cli/command';
import { parseCount } from '../cli/count';
import { progress } from '../cli/progress';
import { startLocalCluster } from '../cluster/local-cluster';
import type { StoreKind, StoreOptions } from '../cluster/stores/store';
import { clusterTlsFiles } from '../cluster/tls-config';
import { median } from './median';
import { startDevServer } from './throughput/dev-server';
import { measureThroughput } from './throughput/measure';

const NAMESPACE = 'samples';
const SECURITIES = ['plain', 'mTLS', 'mTLS+codec'] as const;
type Security = (typeof SECURITIES)[number];
const STORES: StoreKind[] = ['memory', 'sqlite', 'postgres'];
const WORKER_COUNTS = [1, 3];

interface Row {
  server: string;
  security: Security;
  store: string;
  workers: number;
  perSecond: number;
}

const appFor = (security: Security) => (security === 'plain' ? 'plain' : 'local-mtls');

function storeIn(kind: StoreKind, dir: string): StoreOptions {
  if (kind === 'memory') return { kind };
  return { kind, dir: join(dir, kind) };
}

function formatTable(rows: Row[]): string {
  const base = (workers: number) =>
    rows.find(
      (row) => row.server === 'local' && row.security === 'plain' && row.store === 'memory' && row.workers === workers,
    )?.perSecond;
  const lines = [
    '| server | security | store | workers | workflows/s | vs plain-memory |',
    '| --- | --- | --- | --: | --: | --: |',
    ...rows.map((row) => {
      const reference = base(row.workers);
      const ratio = reference ? `${(row.perSecond / reference).toFixed(2)}x` : '';
      return `| ${row.server} | ${row.security} | ${row.store} | ${row.workers} | ${row.perSecond.toFixed(0)} | ${ratio} |`;
    }),
  ];
  return lines.join('\n');
}

function goals(rows: Row[]): string[] {
  const find = (server: string, security: Security, workers: number) =>
    rows.find(
      (row) => row.server === server && row.security === security && row.store === 'memory' && row.workers === workers,
    )?.perSecond ?? NaN;
  const lines: string[] = [];
  for (const workers of WORKER_COUNTS) {
    const check = (label: string, ratio: number, goal: number) =>
      lines.push(
        `${workers} worker(s): ${label} ${ratio.toFixed(2)}x (goal >= ${goal}x: ${ratio >= goal ? 'met' : 'missed'})`,
      );
    check('mTLS vs plain', find('local', 'mTLS', workers) / find('local', 'plain', workers), 0.9);
    check('codec vs mTLS', find('local', 'mTLS+codec', workers) / find('local', 'mTLS', workers), 0.85);
    check('plain vs start-dev', find('local', 'plain', workers) / find('start-dev', 'plain', workers), 1.0);
  }
  return lines;
}

/**
 * `npm run bench:throughput`: the local cluster's workflow throughput by security, store and
 * worker count, against the Temporal CLI's dev server. Reports, never asserts.
 */
runCommand(
  {
    usage: 'npm run bench:throughput --',
    summary:
      'Workflows per second for N greet workflows, one and three worker processes, on plain, mTLS and mTLS plus ' +
      'codec, on memory, SQLite file and PostgreSQL stores, median of several runs; and the same load on ' +
      '`temporal server start-dev` as the reference. Reports, never asserts.',
    options: {
      workflows: { type: 'string', value: '<n>', default: '1000', description: 'workflows per run' },
      runs: { type: 'string', value: '<n>', default: '3', description: 'runs to take the median of' },
    },
  },
  async (values) => {
    const workflows = parseCount('workflows', values.workflows);
    const runs = parseCount('runs', values.runs);
    await generateCertificates({ outDir: DEFAULT_CERTS_DIR });
    const tls = clusterTlsFiles(DEFAULT_CERTS_DIR, DEFAULT_SERVER_NAME);
    const codecKeys = `v1=${randomBytes(32).toString('base64')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-throughput-'));
    const rows: Row[] = [];
    const measure = async (server: string, security: Security, store: string, address: string) => {
      for (const workers of WORKER_COUNTS) {
        const env: Record<string, string> = { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: NAMESPACE };
        if (security === 'mTLS+codec') env.PAYLOAD_CODEC_KEYS = codecKeys;
        const label = `${server} ${security} ${store}, ${workers} worker(s)`;
        const rates = await measureThroughput({
          app: appFor(security),
          env,
          workers,
          workflows,
          runs,
          onRun: (run, perSecond) => progress(`${label}: run ${run}/${runs} ${perSecond.toFixed(0)} workflows/s`),
        });
        rows.push({ server, security, store, workers, perSecond: median(rates) });
      }
    };
    const started = Date.now();
    try {
      for (const store of STORES) {
        for (const security of SECURITIES) {
          const cluster = await startLocalCluster({
            namespaces: [NAMESPACE],
            tls: security === 'plain' ? undefined : tls,
            store: storeIn(store, join(dataDir, security)),
            onProgress: progress,
          });
          try {
            await measure('local', security, store, cluster.address);
          } finally {
            await cluster.stop();
          }
        }
      }
      const devServer = await startDevServer(NAMESPACE);
      try {
        await measure('start-dev', 'plain', 'memory', devServer.address);
      } finally {
        await devServer.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(
      `${workflows} greet workflows per run, median of ${runs} runs, ${((Date.now() - started) / 1000).toFixed(0)} s in all:\n`,
    );
    console.log(formatTable(rows));
    console.log('');
    goals(rows).forEach((line) => console.log(line));
  },
);
