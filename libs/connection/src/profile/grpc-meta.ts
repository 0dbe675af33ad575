import type { MergedEnv } from './env-layers';

const PREFIX = 'TEMPORAL_GRPC_META_';

export interface GrpcMetaValue {
  value: string;
  variable: string;
  fromEnv: boolean;
}

/** `TEMPORAL_GRPC_META_X_TENANT_ID` is header `x-tenant-id`: every `_` becomes `-`. */
export function headerName(variable: string): string {
  return variable.slice(PREFIX.length).toLowerCase().replace(/_/g, '-');
}

/** TOML grpc_meta overlaid by TEMPORAL_GRPC_META_* variables; a blank variable removes the header. */
export function resolveGrpcMeta(
  merged: MergedEnv,
  fromToml: Record<string, string> = {},
): Record<string, GrpcMetaValue> {
  const headers: Record<string, GrpcMetaValue> = {};
  for (const [header, value] of Object.entries(fromToml)) {
    headers[header.toLowerCase().replace(/_/g, '-')] = { value, variable: `grpc_meta.${header}`, fromEnv: false };
  }
  for (const [variable, value] of Object.entries(merged.vars)) {
    if (!variable.startsWith(PREFIX)) continue;
    if (value === '') delete headers[headerName(variable)];
    else headers[headerName(variable)] = { value, variable, fromEnv: true };
  }
  return headers;
}
