import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hostAndPort } from './address';
import { displayPath } from './env-layers';
import { type SettingOrigin } from '../errors/error-with-fix';
import { CloudNamespaceError, MissingEnvFileError, WebUiAddressError } from '../errors/profile-errors';

const CLOUD_GRPC_HOST = /\.(tmprl\.cloud|api\.temporal\.io)$/i;
const WEB_UI_HOST = /^(web\.|cloud\.temporal\.io$)/i;
const CLOUD_NAMESPACE = /^[a-z0-9][a-z0-9-]*\.[a-z0-9]+$/i;

/** The Web UI's host (web.<...> or cloud.temporal.io) where the gRPC endpoint belongs. */
export function checkNotWebUi(address: string, origin: SettingOrigin): void {
  if (WEB_UI_HOST.test(hostAndPort(address).host)) throw new WebUiAddressError(origin, address);
}

/** On a Temporal Cloud endpoint every namespace is `<name>.<account>`. */
export function checkCloudNamespace(namespace: string, address: string, origin: SettingOrigin): void {
  if (CLOUD_GRPC_HOST.test(hostAndPort(address).host) && !CLOUD_NAMESPACE.test(namespace)) {
    throw new CloudNamespaceError(origin, namespace, address);
  }
}

/** An app that ships only a `.env.example` has not been configured yet: say how. */
export function checkEnvFilePresent(envDir: string | undefined): void {
  if (!envDir || existsSync(join(envDir, '.env')) || existsSync(join(envDir, '.env.local'))) return;
  const example = join(envDir, '.env.example');
  if (existsSync(example)) throw new MissingEnvFileError(displayPath(envDir), displayPath(example));
}
