/** `@temporal-samples/connection/tools`: what the developer tools use beyond an app's needs (probes, diagnosis, the catalogue). */
export { connectConnection } from './connect/connect';
export { hasGrpcStatus } from './connect/explain-sdk-error';
export { DEFAULT_PORT, hostAndPort, parseAddress, type HostAndPort } from './profile/address';
export { LEGACY_ALIASES } from './profile/aliases';
export { isSecretSetting, settingFor, SETTINGS, SETTING_NAMES, type Setting } from './profile/settings';
export { shownValue } from './profile/describe-profile';
export {
  diagnoseConnectFailure,
  explainTlsOutcome,
  probeWithProfile,
  speaksTls,
  unreachable,
} from './diagnose/diagnose-connect';
export { explainPermissionDenied, isPermissionDenied } from './diagnose/explain-permission';
export {
  probeTcp,
  probeTls,
  type PeerCertificate,
  type ProbeOutcome,
  type TlsProbeOptions,
} from './diagnose/tls-probe';
export { apiKeyClaims, canWrite, rolesOn, type ApiKeyClaims } from './diagnose/api-key-claims';
