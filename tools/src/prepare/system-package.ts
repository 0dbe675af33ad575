import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { ErrorWithFix } from '@temporal-samples/connection/errors';
import { onPath } from '../cli/on-path';
import { progress } from '../cli/progress';

export class SystemPackageError extends ErrorWithFix {}

/** A program the tests need that Debian packages. */
export interface SystemProgram {
  /** The executable, as an absolute path or a name on PATH. */
  command: string;
  /** Debian's package that provides it. */
  debianPackage: string;
  /** What needs it, for the progress line and the error. */
  neededFor: string;
}

function isInstalled(command: string): boolean {
  if (command.startsWith('/')) {
    try {
      accessSync(command, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }
  return onPath(command) !== undefined;
}

const canInstall = () => process.getuid?.() === 0 && isInstalled('apt-get');
let aptUpdated = false;

function aptGet(args: string[]): void {
  execFileSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Installs the program's Debian package when it is missing and this user may; otherwise says how. */
export function ensureSystemProgram(program: SystemProgram): void {
  if (isInstalled(program.command)) return;
  const howTo = `sudo apt-get install ${program.debianPackage}`;
  if (!canInstall()) {
    throw new SystemPackageError(
      `${program.command} is not installed; ${program.neededFor} need it.`,
      `install it (${howTo}) and run the tests again.`,
    );
  }
  progress(`Installing Debian's ${program.debianPackage} for ${program.neededFor} (apt-get, once per machine)...`);
  try {
    if (!aptUpdated) aptGet(['update', '-qq']);
    aptUpdated = true;
    aptGet(['install', '-y', '-qq', program.debianPackage]);
  } catch (error) {
    throw new SystemPackageError(
      `apt-get could not install ${program.debianPackage}: ${(error as Error).message.split('\n')[0]}`,
      `install it yourself (${howTo}) and run the tests again.`,
    );
  }
  if (!isInstalled(program.command)) {
    throw new SystemPackageError(
      `${program.debianPackage} is installed but ${program.command} is still missing.`,
      `check the package, or point the tests at another binary.`,
    );
  }
}
