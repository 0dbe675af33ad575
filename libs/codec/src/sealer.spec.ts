import { createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNativeSealer, NATIVE_SEALER_FILE } from './native-sealer';
import { sealWithNodeCrypto } from './node-crypto-sealer';
import { sealerInUse, type SealInPlace } from './sealer';

const key = randomBytes(32);

function sealed(seal: SealInPlace, nonce: Buffer, head: Buffer, body: Buffer): Buffer {
  const data = Buffer.alloc(12 + head.length + body.length + 16);
  nonce.copy(data);
  seal(key, data, head, body);
  return data;
}

function opened(data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]);
}

describe('the native sealer (native/aes-gcm-seal.c)', () => {
  const native = loadNativeSealer();

  it('is built by the codec build and loads here (the build prints why when it cannot be built)', () => {
    expect(native).toEqual({ seal: expect.any(Function) });
    expect(sealerInUse()).toEqual({ native: true, description: "OpenSSL through the codec's native addon" });
  });

  it.each([
    ['no body', 3, 0],
    ['1 byte', 3, 1],
    ['1 KiB with no head', 0, 1024],
    ['1 KiB', 9, 1024],
    ['just under one call of Node crypto', 9, 16 * 1024 - 1],
    ['300 KiB, several pieces', 11, 300 * 1024 + 7],
  ])('writes the same bytes as Node crypto: %s', (_, headBytes, bodyBytes) => {
    const [nonce, head, body] = [randomBytes(12), randomBytes(headBytes), randomBytes(bodyBytes)];
    const byNative = sealed(native.seal as SealInPlace, nonce, head, body);
    expect(byNative.equals(sealed(sealWithNodeCrypto, nonce, head, body))).toBe(true);
    expect(opened(byNative).equals(Buffer.concat([head, body]))).toBe(true);
  });

  it('refuses arguments it cannot seal with, as errors rather than a crash', () => {
    const seal = native.seal as SealInPlace;
    const head = randomBytes(2);
    const body = randomBytes(5);
    expect(() => seal(randomBytes(16), Buffer.alloc(35), head, body)).toThrow(/key must be 32 bytes/);
    expect(() => seal(key, Buffer.alloc(34), head, body)).toThrow(/data must be 12 \+ head \+ body \+ 16 bytes/);
    const notBytes = 'abc' as unknown as Uint8Array;
    expect(() => seal(key, Buffer.alloc(35), notBytes, body)).toThrow(/takes four Uint8Arrays/);
    expect(() => seal(key, new Float64Array(35) as unknown as Uint8Array, head, body)).toThrow(/four Uint8Arrays/);
  });
});

describe('loading the native sealer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'codec-native-'));

  it('says it was not built when the file is missing', () => {
    expect(loadNativeSealer(join(dir, 'missing.node')).unavailable).toMatch(
      /missing\.node was not built \(npx nx run codec:build-native says why\)/,
    );
  });

  it('says why when the file is not an addon', () => {
    const file = join(dir, 'not-an-addon.node');
    writeFileSync(file, 'text');
    expect(loadNativeSealer(file).unavailable).toMatch(/not-an-addon\.node does not load: .*(invalid ELF|too short)/);
  });

  it('looks next to the codec, where the build writes it', () => {
    expect(NATIVE_SEALER_FILE).toMatch(/libs\/codec\/native\/build\/aes-gcm-seal\.node$/);
  });
});
