import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { WORKSPACE_ROOT } from './app-process';

interface Container {
  envFrom: { configMapRef: { name: string } }[];
  ports: { name: string; containerPort: number }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
  volumeMounts: { name: string; mountPath: string; subPath?: string }[];
}
interface Deployment {
  kind: 'Deployment';
  spec: {
    template: {
      metadata: { annotations: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds: number;
        securityContext: { runAsNonRoot: boolean; runAsUser: number };
        containers: Container[];
        volumes: { name: string; secret?: { secretName: string } }[];
      };
    };
  };
}

const appsDir = join(WORKSPACE_ROOT, 'apps');
const apps = readdirSync(appsDir).filter((name) => existsSync(join(appsDir, name, 'Dockerfile')));
const read = (app: string, file: string) =>
  parseAllDocuments(readFileSync(join(appsDir, app, 'deploy', file), 'utf8')).map((document) => document.toJS());
const portOf = (address: string) => Number(address.split(':').pop());
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1]);

describe.each(apps)('apps/%s/deploy', (app) => {
  const [configMap] = read(app, 'configmap.yaml') as { metadata: { name: string }; data: Record<string, string> }[];
  const [deployment] = read(app, 'deployment.yaml') as Deployment[];
  const pod = deployment.spec.template.spec;
  const [worker] = pod.containers;
  const profile = configMap.data;

  it('kustomization.yaml lists both manifests', () => {
    const [kustomization] = read(app, 'kustomization.yaml') as { resources: string[] }[];
    expect(kustomization.resources.sort()).toEqual(['configmap.yaml', 'deployment.yaml']);
  });

  it('the worker takes its profile from the ConfigMap, in the names the apps read', () => {
    expect(worker.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    for (const name of Object.keys(profile)) expect(name).toMatch(/^(TEMPORAL|WORKER|LOG)_[A-Z_]+$/);
  });

  it('every credential path is a file of a mounted Secret, mounted as a folder so updates reach the pod', () => {
    const secretVolumes = new Set(pod.volumes.filter((volume) => volume.secret).map((volume) => volume.name));
    const secretMounts = worker.volumeMounts.filter((mount) => secretVolumes.has(mount.name));
    for (const mount of secretMounts) expect(mount.subPath).toBeUndefined();
    const paths = Object.entries(profile).filter(([name]) => /_(PATH|FILE)$/.test(name));
    for (const [, path] of paths) {
      expect(secretMounts.some((mount) => path.startsWith(`${mount.mountPath}/`))).toBe(true);
    }
    for (const [name] of Object.entries(profile)) expect(name).not.toMatch(/_DATA$|^TEMPORAL_API_KEY$/);
  });

  it('probes /readyz and /livez, and annotates the metrics port, on the ports the profile serves them', () => {
    const port = (name: string) => worker.ports.find((entry) => entry.name === name)?.containerPort;
    expect(port('health')).toBe(portOf(profile.WORKER_HEALTH_ADDRESS));
    expect(worker.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'health' });
    expect(worker.livenessProbe.httpGet).toEqual({ path: '/livez', port: 'health' });
    const annotations = deployment.spec.template.metadata.annotations;
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(Number(annotations['prometheus.io/port'])).toBe(portOf(profile.WORKER_METRICS_ADDRESS));
    expect(port('metrics')).toBe(portOf(profile.WORKER_METRICS_ADDRESS));
  });

  it("gives in-flight activities the worker's shutdown grace time before Kubernetes kills it", () => {
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(seconds(profile.WORKER_SHUTDOWN_GRACE_TIME));
  });

  it("runs as the Dockerfile's non-root user, read-only, with resource requests and limits", () => {
    const user = /^USER (\d+):/m.exec(readFileSync(join(appsDir, app, 'Dockerfile'), 'utf8'))?.[1];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: Number(user) });
    expect(worker.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(Object.keys(worker.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(worker.resources.limits).sort()).toEqual(['cpu', 'memory']);
  });
});
