import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { appDir } from '@temporal-samples/tools/apps/app-process';

export interface Manifest {
  kind: string;
  metadata: { name: string };
  [field: string]: unknown;
}

export function readManifests(app: string, file: string): Manifest[] {
  return parseAllDocuments(readFileSync(join(appDir(app), 'deploy', file), 'utf8')).map(
    (document) => document.toJS() as Manifest,
  );
}

/** The profile deploy/configmap.yaml gives the worker. */
export function deployedProfile(app: string): Record<string, string> {
  const [configMap] = readManifests(app, 'configmap.yaml');
  return (configMap as unknown as { data: Record<string, string> }).data;
}

/** Where deploy/deployment.yaml mounts the named volume in the worker container. */
export function mountPath(app: string, volume: string): string {
  const [deployment] = readManifests(app, 'deployment.yaml') as unknown as {
    spec: { template: { spec: { containers: { volumeMounts: { name: string; mountPath: string }[] }[] } } };
  }[];
  const mount = deployment.spec.template.spec.containers[0].volumeMounts.find((entry) => entry.name === volume);
  if (!mount) throw new Error(`apps/${app}/deploy/deployment.yaml mounts no volume "${volume}"`);
  return mount.mountPath;
}
