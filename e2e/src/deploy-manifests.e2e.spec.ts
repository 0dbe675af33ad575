import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@temporal-samples/tools/apps/app-process';
import { deployManifests, validateManifests } from '@temporal-samples/tools/deploy/kubernetes-validate';
import { TIMEOUTS } from './support/timeouts';

describe("the apps' Kubernetes manifests against the Kubernetes 1.37 schemas (kubernetes-validate, strict)", () => {
  const manifests = deployManifests(WORKSPACE_ROOT);

  it(
    'every ConfigMap and Deployment under apps/*/deploy validates',
    () => {
      expect(manifests.length).toBeGreaterThanOrEqual(6);
      const { ok, output } = validateManifests(manifests);
      expect(output).not.toMatch(/ERROR|WARN/);
      expect(output.match(/ passed for resource /g)).toHaveLength(manifests.length);
      expect(ok).toBe(true);
    },
    TIMEOUTS.long,
  );

  it(
    'a misspelt field or a wrongly typed value fails, naming it',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'bad-manifests-'));
      try {
        const deployment = readFileSync(
          join(WORKSPACE_ROOT, 'apps', 'local-mtls', 'deploy', 'deployment.yaml'),
          'utf8',
        );
        writeFileSync(join(dir, 'misspelt.yaml'), deployment.replace('readinessProbe:', 'readinesProbe:'));
        writeFileSync(join(dir, 'typed.yaml'), deployment.replace('replicas: 2', 'replicas: two'));
        const { ok, output } = validateManifests([join(dir, 'misspelt.yaml'), join(dir, 'typed.yaml')]);
        expect(ok).toBe(false);
        expect(output).toMatch(/'readinesProbe' was unexpected/);
        expect(output).toMatch(/spec.replicas: 'two' is not of type 'integer'/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUTS.long,
  );
});
