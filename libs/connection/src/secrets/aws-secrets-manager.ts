import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  SecretAccessDeniedError,
  SecretNotFoundError,
  SecretStoreCredentialsError,
  SecretStoreUnreachableError,
  type SecretSetting,
} from '../errors/secret-errors';
import { UnsupportedSettingError } from '../errors/profile-errors';
import type { SecretStore, SecretVersion } from './secret-store';

export const AWS_SECRETS_MANAGER = 'AWS Secrets Manager';

/** A connect gives up after this long, a request after REQUEST_TIMEOUT_MS; two attempts keep a read within 15 s. */
const CONNECTION_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 3_000;
const MAX_ATTEMPTS = 2;

/**
 * The AWS settings the store reads from the profile's layers. Credentials: an access key given in
 * the profile (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), otherwise the SDK's
 * own chain (AWS_PROFILE, ~/.aws, web identity, the container's or instance's role).
 */
export interface AwsStoreSettings {
  region?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function awsStoreSettings(vars: Record<string, string>): AwsStoreSettings {
  const accessKeyId = vars.AWS_ACCESS_KEY_ID;
  const secretAccessKey = vars.AWS_SECRET_ACCESS_KEY;
  return {
    region: vars.AWS_REGION || vars.AWS_DEFAULT_REGION || undefined,
    endpoint: vars.AWS_ENDPOINT_URL_SECRETS_MANAGER || vars.AWS_ENDPOINT_URL || undefined,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, sessionToken: vars.AWS_SESSION_TOKEN || undefined }
        : undefined,
  };
}

/** The SDK warns on every start that its releases after January 2027 need Node 22; the pinned one runs on Node 20. */
const NODE_VERSION_WARNING = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

const regionOfArn = (secretId: string) => /^arn:aws[\w-]*:secretsmanager:([^:]+):/.exec(secretId)?.[1];

interface AwsError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const DENIED = /AccessDenied|UnrecognizedClient|InvalidSignature|SignatureDoesNotMatch|ExpiredToken|DecryptionFailure/;

/** Secrets from AWS Secrets Manager (GetSecretValue, the version labelled AWSCURRENT). */
export class AwsSecretsManager implements SecretStore {
  readonly name = AWS_SECRETS_MANAGER;
  private readonly clients = new Map<string, SecretsManagerClient>();

  constructor(private readonly settings: AwsStoreSettings) {}

  private regionFor(secret: SecretSetting): string {
    const region = this.settings.region ?? regionOfArn(secret.secretId);
    if (region) return region;
    throw new UnsupportedSettingError(
      secret.origin,
      `names ${this.name} secret "${secret.secretId}", but no AWS region is set and the id is not an ARN.`,
      'set AWS_REGION to the region the secret is in (e.g. AWS_REGION=us-east-1), or give the secret ARN.',
    );
  }

  private clientFor(region: string): SecretsManagerClient {
    let client = this.clients.get(region);
    if (!client) {
      process.env[NODE_VERSION_WARNING] ??= 'true';
      client = new SecretsManagerClient({
        region,
        endpoint: this.settings.endpoint,
        credentials: this.settings.credentials,
        maxAttempts: MAX_ATTEMPTS,
        requestHandler: {
          connectionTimeout: CONNECTION_TIMEOUT_MS,
          requestTimeout: REQUEST_TIMEOUT_MS,
          throwOnRequestTimeout: true,
        },
      });
      this.clients.set(region, client);
    }
    return client;
  }

  async read(secret: SecretSetting): Promise<SecretVersion> {
    const region = this.regionFor(secret);
    try {
      const answer = await this.clientFor(region).send(new GetSecretValueCommand({ SecretId: secret.secretId }));
      const value = answer.SecretString ?? Buffer.from(answer.SecretBinary ?? []).toString('utf8');
      return { value, versionId: answer.VersionId ?? '' };
    } catch (error) {
      throw this.explain(error as AwsError, secret, region);
    }
  }

  private explain(error: AwsError, secret: SecretSetting, region: string): Error {
    const endpoint = this.settings.endpoint ?? `the ${region} endpoint`;
    const name = error.name ?? error.code ?? 'Error';
    const detail = `${name}: ${(error.message ?? '').split('\n')[0]}`;
    if (name === 'ResourceNotFoundException') {
      return new SecretNotFoundError(
        secret,
        `in region ${region}${this.settings.endpoint ? ` at ${this.settings.endpoint}` : ''}`,
        `check the id (aws secretsmanager describe-secret --secret-id ${secret.secretId} --region ${region}); if the secret is in another region set AWS_REGION or give its ARN; or create it (aws secretsmanager create-secret --name ${secret.secretId} --secret-string file://<file>).`,
      );
    }
    if (name === 'CredentialsProviderError') {
      return new SecretStoreCredentialsError(
        secret,
        detail,
        'give the app AWS credentials: a role (instance profile, ECS task role, EKS service account), AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in its environment.',
      );
    }
    const status = error.$metadata?.httpStatusCode;
    if (DENIED.test(name) || status === 403 || status === 401) {
      return new SecretAccessDeniedError(
        secret,
        detail,
        `allow secretsmanager:GetSecretValue on ${secret.secretId} to the identity the app runs as (and kms:Decrypt on the secret's key if it is a customer managed key); docs/secrets.md has the policy.`,
      );
    }
    if (status === undefined) {
      return new SecretStoreUnreachableError(
        secret,
        endpoint,
        describeNetworkFailure(error),
        'check the network path to the endpoint, and AWS_REGION and AWS_ENDPOINT_URL_SECRETS_MANAGER if they are set; the app retries nothing at start.',
      );
    }
    return new SecretStoreUnreachableError(
      secret,
      endpoint,
      `it answered HTTP ${status} (${detail})`,
      'retry; if it persists, check the endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER) and the service health in the region.',
    );
  }
}

function describeNetworkFailure(error: AwsError): string {
  const code = error.code ?? error.name;
  if (code === 'ECONNREFUSED') return 'the connection was refused (ECONNREFUSED)';
  if (code === 'TimeoutError' || code === 'RequestTimeout' || code === 'ETIMEDOUT')
    return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name does not resolve (${code})`;
  return `${code}: ${(error.message ?? '').split('\n')[0]}`;
}
