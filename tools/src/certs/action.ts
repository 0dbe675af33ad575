import type { CommandAction } from '../cli/command';
import { progress } from '../cli/progress';
import { parseCertArgs, type CERTS_COMMAND } from './args';
import { generateCertificates } from './generate';
import { EXPIRY_WARNING_DAYS } from './status';
import { formatSummary } from './summary';

/** Makes or updates the local CAs, server and client certificates; prints a summary, never keys. */
export const certsAction: CommandAction<typeof CERTS_COMMAND> = async () => {
  const command = parseCertArgs(process.argv.slice(2));
  if (command.help) return;
  const set = await generateCertificates({ ...command.options, onProgress: progress });
  console.log(formatSummary(set.entries));
  console.log(
    `\nEach certificate's private key is the .key file beside it (mode 0600). Manifest: ${set.paths.manifest}`,
  );
  const flagged = set.entries.filter((entry) => entry.attention);
  if (flagged.length > 0) {
    console.log(
      `${flagged.length} certificate(s) need attention (expired, expiring within ${EXPIRY_WARNING_DAYS} days, or broken): run again with --force to replace everything.`,
    );
  }
};
