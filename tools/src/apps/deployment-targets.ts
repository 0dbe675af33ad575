/** The local cluster a target's apps run against: plaintext, mutual TLS, or the cloud-like one (mTLS and API keys). */
export type ClusterKind = 'plain' | 'mtls' | 'cloud-like';

export interface DeploymentTarget {
  /** The template app: `apps/<templateApp>`, copied by the generator. */
  templateApp: string;
  cluster: ClusterKind;
  /** What the target connects to, as the README's table says it. */
  description: string;
}

/**
 * Every deployment target, once: the generator (`--target`), its schema, the e2e helpers and the
 * README's table read it. A new target is an entry here and an `apps/<name>` folder.
 */
export const DEPLOYMENT_TARGETS = {
  plain: { templateApp: 'plain', cluster: 'plain', description: 'local server, no TLS' },
  'local-mtls': {
    templateApp: 'local-mtls',
    cluster: 'mtls',
    description: 'local cluster with mutual TLS, frontend and internode',
  },
  'cloud-mtls': {
    templateApp: 'cloud-mtls',
    cluster: 'cloud-like',
    description: 'Temporal Cloud (mTLS or API key); tested on a local cloud-like cluster',
  },
} as const satisfies Record<string, DeploymentTarget>;

export type TargetName = keyof typeof DEPLOYMENT_TARGETS;

export const TARGET_NAMES = Object.keys(DEPLOYMENT_TARGETS) as TargetName[];

export const isTargetName = (name: string): name is TargetName => Object.hasOwn(DEPLOYMENT_TARGETS, name);
