import { ErrorWithFix } from './error-with-fix';
import * as catalogue from './index';

/** The kinds doctor prints and tools match on, as they were when each class restated its own. */
const KINDS: Record<string, string> = {
  MissingSettingError: 'missing-setting',
  AddressSchemeError: 'address-scheme',
  AddressPortError: 'address-port',
  IncompleteCertPairError: 'incomplete-cert-pair',
  UnreadableFileError: 'unreadable-file',
  NotPemError: 'not-pem',
  ConfigFileError: 'config-file',
  UnreachableServerError: 'unreachable-server',
  NamespaceNotRegisteredError: 'namespace-not-registered',
  ConflictingSettingsError: 'conflicting-settings',
  UnsupportedSettingError: 'unsupported-setting',
  KeyMismatchError: 'key-mismatch',
  CertificateValidityError: 'certificate-validity',
  CaAsClientCertError: 'ca-as-client-cert',
  ServerNameMismatchError: 'server-name-mismatch',
  ServerCertUntrustedError: 'server-cert-untrusted',
  ClientCertRequiredError: 'client-cert-required',
  ClientCertRejectedError: 'client-cert-rejected',
  ServerSpeaksTlsError: 'server-speaks-tls',
  ServerNotTlsError: 'server-not-tls',
  WebUiAddressError: 'web-ui-address',
  CloudNamespaceError: 'cloud-namespace',
  MissingEnvFileError: 'missing-env-file',
  EnvFileNotFoundError: 'env-file-not-found',
  EnvDirNotFoundError: 'env-dir-not-found',
  PlaceholderValueError: 'placeholder-value',
  PermissionDeniedError: 'permission-denied',
  CodecSettingError: 'codec-setting',
  ClientCertUsageError: 'client-cert-usage',
  ResultTimeoutError: 'result-timeout',
  SecretNotFoundError: 'secret-not-found',
  SecretAccessDeniedError: 'secret-access-denied',
  SecretStoreCredentialsError: 'secret-store-credentials',
  SecretStoreUnreachableError: 'secret-store-unreachable',
  SecretFieldError: 'secret-field',
  SecretNotPemError: 'secret-not-pem',
  SecretValueError: 'secret-value',
  SecretsNotReadError: 'secrets-not-read',
  SecretConflictError: 'secret-conflict',
};

type ErrorClass = abstract new (...args: never[]) => ErrorWithFix;

const classes = Object.entries(catalogue).flatMap(([name, value]) =>
  typeof value === 'function' && value.prototype instanceof ErrorWithFix ? [[name, value as ErrorClass] as const] : [],
);

/** An instance made through ErrorWithFix's constructor alone, as every subclass's `super(problem, fix)` does. */
const instanceOf = (ErrorClass: ErrorClass) =>
  Reflect.construct(ErrorWithFix, ['the problem', 'the fix'], ErrorClass) as ErrorWithFix;

describe('the error catalogue', () => {
  it('holds every error of the connection, each an ErrorWithFix', () => {
    expect(classes.map(([name]) => name).sort()).toEqual(Object.keys(KINDS).sort());
  });

  it.each(classes)('%s derives its kind and name from the class', (name, ErrorClass) => {
    const error = instanceOf(ErrorClass);
    expect(error.kind).toBe(KINDS[name]);
    expect(error.name).toBe(name);
  });

  it('prints the problem, then the fix', () => {
    const error = new catalogue.MissingSettingError('TEMPORAL_ADDRESS', ['process environment'], 'localhost:7233');
    expect(error.message).toBe(
      "TEMPORAL_ADDRESS is not set; looked in process environment.\n  Fix: add TEMPORAL_ADDRESS=localhost:7233 to the app's .env (or export it).",
    );
  });

  it('lets a subclass outside the catalogue (a tool, an app) derive its kind the same way', () => {
    class CodecServerSettingError extends ErrorWithFix {}
    expect(new CodecServerSettingError('p', 'f').kind).toBe('codec-server-setting');
  });
});
