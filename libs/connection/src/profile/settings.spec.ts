import { isSecretSetting, settingFor, SETTINGS } from './settings';

describe('the settings catalogue', () => {
  it('names each setting once', () => {
    const names = SETTINGS.map((setting) => setting.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    'TEMPORAL_API_KEY',
    'api_key',
    'TEMPORAL_TLS_CLIENT_KEY_DATA',
    'tls.client_key_data',
    'TEMPORAL_GRPC_META_AUTHORIZATION',
    'grpc_meta.Authorization',
    'PAYLOAD_CODEC_KEYS',
  ])('%s is a secret', (variable) => {
    expect(isSecretSetting(variable)).toBe(true);
  });

  it.each([
    'TEMPORAL_ADDRESS',
    'TEMPORAL_TLS_CLIENT_KEY_PATH',
    'tls.client_key_path',
    'TEMPORAL_TLS_CLIENT_CERT_DATA',
    'TEMPORAL_GRPC_META_X_TENANT_ID',
    'grpc_meta.x_tenant_id',
  ])('%s is not a secret', (variable) => {
    expect(isSecretSetting(variable)).toBe(false);
  });

  it('finds a family member through its family, and an exact entry before its family', () => {
    expect(settingFor('TEMPORAL_GRPC_META_X_TENANT_ID')?.name).toBe('TEMPORAL_GRPC_META_*');
    expect(settingFor('TEMPORAL_GRPC_META_AUTHORIZATION')?.name).toBe('TEMPORAL_GRPC_META_AUTHORIZATION');
    expect(settingFor('tls.server_name')?.name).toBe('TEMPORAL_TLS_SERVER_NAME');
    expect(settingFor('TEMPORAL_NO_SUCH_THING')).toBeUndefined();
  });
});
