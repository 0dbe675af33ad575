import type { ProfileSecrets } from '../secrets/read-secrets';
import type { CodecSettings } from './codec-settings';
import type { OtlpSettings } from './otlp-settings';

/** A resolved, validated connection profile: values plus where each one came from. */
export interface Profile {
  /** The Nx project of the app folder it was loaded from, when loadAppProfile loaded it. */
  app?: string;
  address: string;
  namespace: string;
  taskQueue?: string;
  apiKey?: string;
  /** The file the API key was read from (TEMPORAL_API_KEY_FILE), watched for rotation. */
  apiKeyFile?: string;
  /** Undefined means plaintext gRPC. */
  tls?: TlsMaterial;
  grpcMeta: Record<string, string>;
  /** Payload encryption at rest; undefined means payloads travel as the SDK encodes them. */
  codec?: CodecSettings;
  /** OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT); undefined keeps it off. */
  otlp?: OtlpSettings;
  entries: ProfileEntry[];
  /** One-line notices for the user, e.g. older variable names that still work. */
  notices: string[];
  /** The secrets its credentials were read from (resolveProfile), polled for new versions by the worker runtime. */
  secrets?: ProfileSecrets;
}

export interface TlsMaterial {
  serverName?: string;
  serverCaCert?: string;
  clientCert?: string;
  clientKey?: string;
  /** The absolute paths of the PEM settings given as files, watched for rotation. */
  files?: string[];
}

export interface ProfileEntry {
  variable: string;
  value: string;
  source: string;
  secret: boolean;
}
