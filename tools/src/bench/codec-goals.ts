/** Issue 13's goals for the codec: each of encode and decode at least this share of the raw cipher's throughput. */
export const CODEC_GOALS: ReadonlyArray<{ size: string; minimum: number }> = [
  { size: '1 KiB', minimum: 0.6 },
  { size: '1 MiB', minimum: 0.9 },
];

export interface CodecRatios {
  size: string;
  encode: number;
  decode: number;
}

/** One line per goal and direction: the measured ratio, and met or missed. */
export function codecGoalLines(rows: CodecRatios[]): string[] {
  return CODEC_GOALS.flatMap(({ size, minimum }) => {
    const row = rows.find((candidate) => candidate.size === size);
    if (!row) return [`- ${size}: not measured`];
    return (['encode', 'decode'] as const).map((direction) => {
      const ratio = row[direction];
      const verdict = ratio >= minimum ? 'met' : 'missed';
      return `- ${direction} at ${size}: ${ratio.toFixed(2)}x the raw cipher (goal >= ${minimum}x): ${verdict}`;
    });
  });
}
