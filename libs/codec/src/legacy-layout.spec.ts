import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmCodec } from './aes-gcm-codec';
import { TamperedPayloadError } from './errors';
import { createKeyring } from './keyring';
import { payloadsFromJson } from './server/payload-json';

const fixture = payloadsFromJson(
  JSON.parse(readFileSync(join(__dirname, 'fixtures', 'legacy-layout-payloads.json'), 'utf8')),
);
const legacyKey = { id: 'legacy-v1', key: Buffer.from(Array.from({ length: 32 }, (_, index) => index)) };
const valueOf = (payload: Payload) => defaultPayloadConverter.fromPayload(payload);

describe("payloads stored in this project's legacy layout", () => {
  const codec = new AesGcmCodec(createKeyring([{ id: 'v2', key: Buffer.alloc(32, 7) }, legacyKey]));

  it('still decode, compressed or not, beside payloads in the shared layout', async () => {
    const [fresh] = await codec.encode([defaultPayloadConverter.toPayload('written today') as Payload]);
    const decoded = await codec.decode([...fixture, fresh]);
    expect(decoded.map(valueOf)).toEqual([{ name: 'Ada Lovelace' }, 'x'.repeat(300), 'written today']);
  });

  it('are refused when altered, as before', async () => {
    const data = Buffer.from(fixture[0].data ?? []);
    data[3] ^= 1;
    await expect(codec.decode([{ ...fixture[0], data }])).rejects.toThrow(TamperedPayloadError);
  });
});
