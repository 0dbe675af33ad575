import { defineCommand } from '../../cli/command';

export const CODEC_COMMAND = defineCommand({
  usage: 'npm run bench:codec --',
  summary:
    'Payload codec throughput (encode, decode) against the raw AES-256-GCM cipher at 1 KiB, 64 KiB and 1 MiB: medians of alternating samples, ratios per sample, and the goals met or missed.',
  options: {},
});
