import {
  CreateSecretCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { startMoto, type MotoServer } from '@temporal-samples/tools/secrets-emulator/moto';

export const REGION = 'us-east-1';

export interface AccessKey {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
}

/** Who the tests act as: the admin seeds secrets; the app may only read them; `denied` may read none. */
const USERS: Record<'admin' | 'reader' | 'denied', string> = {
  admin: '*',
  reader: 'secretsmanager:GetSecretValue',
  denied: 'secretsmanager:ListSecrets',
};

/** create-user, create-access-key and put-user-policy for each user: after these, moto enforces IAM. */
const SETUP_CALLS = Object.keys(USERS).length * 3;

/** An IAM query call before IAM is enforced (moto routes it by the credential scope; the signature is not checked yet). */
async function iam(endpoint: string, params: Record<string, string>): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=AKIASETUP/20260101/${REGION}/iam/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ ...params, Version: '2010-05-08' }).toString(),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`IAM ${params.Action} failed: ${response.status} ${text}`);
  return text;
}

const xmlField = (xml: string, name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1] ?? '';

async function createUser(endpoint: string, user: string, action: string): Promise<AccessKey> {
  await iam(endpoint, { Action: 'CreateUser', UserName: user });
  const key = await iam(endpoint, { Action: 'CreateAccessKey', UserName: user });
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] };
  await iam(endpoint, {
    Action: 'PutUserPolicy',
    UserName: user,
    PolicyName: 'secrets',
    PolicyDocument: JSON.stringify(policy),
  });
  return { AWS_ACCESS_KEY_ID: xmlField(key, 'AccessKeyId'), AWS_SECRET_ACCESS_KEY: xmlField(key, 'SecretAccessKey') };
}

export interface SecretsManagerEmulator {
  endpoint: string;
  keys: Record<keyof typeof USERS, AccessKey>;
  /** The AWS settings an app needs to reach the emulator as `user`. */
  awsEnv(user: keyof typeof USERS): Record<string, string>;
  /** Creates the secret, or puts a new version of it; returns the version id. */
  putSecret(name: string, value: string): Promise<string>;
  stop(): Promise<void>;
}

/** A real Secrets Manager API on loopback (moto), with IAM enforced for everything after the users are made. */
export async function startSecretsManager(): Promise<SecretsManagerEmulator> {
  const moto: MotoServer = await startMoto({ initialNoAuthActionCount: SETUP_CALLS });
  const { endpoint } = moto;
  const keys = {} as Record<keyof typeof USERS, AccessKey>;
  for (const [user, action] of Object.entries(USERS)) {
    keys[user as keyof typeof USERS] = await createUser(endpoint, user, action);
  }
  const admin = new SecretsManagerClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: keys.admin.AWS_ACCESS_KEY_ID, secretAccessKey: keys.admin.AWS_SECRET_ACCESS_KEY },
  });
  return {
    endpoint,
    keys,
    awsEnv: (user) => ({ AWS_REGION: REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint, ...keys[user] }),
    async putSecret(name, value) {
      try {
        return (await admin.send(new CreateSecretCommand({ Name: name, SecretString: value }))).VersionId ?? '';
      } catch (error) {
        if (!(error instanceof ResourceExistsException)) throw error;
        return (await admin.send(new PutSecretValueCommand({ SecretId: name, SecretString: value }))).VersionId ?? '';
      }
    },
    async stop() {
      admin.destroy();
      await moto.stop();
    },
  };
}
