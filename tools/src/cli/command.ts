/**
 * One command-line layer for every tool: a usage text from the option specs, `--help` (exit 0),
 * and usage errors (exit 2) that name the bad flag. Built on node:util parseArgs.
 */
import { parseArgs } from 'node:util';
import { formatFailure, runMain } from '@temporal-samples/connection/run';
import { UsageError } from './errors';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** The value's placeholder in the usage text, e.g. `<namespace>`. */
  value?: string;
  multiple?: boolean;
  default?: string;
  short?: string;
  /** Earlier names of this option that keep working. */
  aliases?: string[];
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How a user runs it, e.g. `npx nx run tools:token --`. */
  usage: string;
  summary: string;
  options: O;
  /** Positional arguments as shown in the usage line, e.g. `[name]`; none are accepted without it. */
  positionals?: string;
  examples?: string[];
}

/** Keeps the option specs' literal types, so a command's values are typed from its spec. */
export const defineCommand = <O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> => spec;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean | undefined
  : S['multiple'] extends true
    ? string[] | undefined
    : S['default'] extends string
      ? string
      : string | undefined;

export type CommandValues<O extends Record<string, OptionSpec>> = { [K in keyof O]: ValueOf<O[K]> };

/** What a command runs with its parsed flags; a tool's cli.ts loads it only when it runs, so `--help` answers at once. */
export type CommandAction<C> =
  C extends CommandSpec<infer O> ? (values: CommandValues<O>, positionals: string[]) => Promise<void> : never;

export type ParsedCommand<O extends Record<string, OptionSpec>> =
  { help: true } | { help: false; values: CommandValues<O>; positionals: string[] };

function flag(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  return `${short}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
}

export function formatHelp<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const entries: [string, OptionSpec][] = [
    ...Object.entries(spec.options),
    ['help', { type: 'boolean', short: 'h', description: 'show this help' }],
  ];
  const flags = entries.map(([name, option]) => flag(name, option));
  const width = Math.max(...flags.map((text) => text.length)) + 2;
  const lines = entries.map(([, option], index) => {
    const notes = [
      option.default !== undefined ? `default ${option.default}` : '',
      option.multiple ? 'repeatable' : '',
      option.aliases?.length ? `also ${option.aliases.map((alias) => `--${alias}`).join(', ')}` : '',
    ].filter(Boolean);
    const suffix = notes.length ? ` (${notes.join('; ')})` : '';
    return `  ${flags[index].padEnd(width)}${option.description}${suffix}`;
  });
  const usage = `Usage: ${spec.usage} [options]${spec.positionals ? ` ${spec.positionals}` : ''}`;
  const examples = spec.examples?.length ? ['', 'Examples:', ...spec.examples.map((line) => `  ${line}`)] : [];
  return [usage, '', spec.summary, '', 'Options:', ...lines, ...examples].join('\n');
}

function parserOptions(options: Record<string, OptionSpec>) {
  const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, option] of Object.entries(options)) {
    const parsed = { type: option.type, ...(option.multiple ? { multiple: true } : {}) };
    config[name] = { ...parsed, ...(option.short ? { short: option.short } : {}) };
    option.aliases?.forEach((alias) => (config[alias] = parsed));
  }
  return config;
}

/** The first sentence of parseArgs' own message names the flag, e.g. "Unknown option '--x'". */
function usageError<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, problem: string): UsageError {
  return new UsageError(problem, `see \`${spec.usage} --help\`.`);
}

/** Turns argv into the spec's values (aliases folded into their option, defaults applied) or a UsageError. */
export function parseCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  args: string[],
): ParsedCommand<O> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: parserOptions(spec.options), allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(spec, `${(error as Error).message.split('. ')[0].replace(/\.$/, '')}.`);
  }
  const given = parsed.values as Record<string, unknown>;
  if (given.help) return { help: true };
  if (parsed.positionals.length > 0 && !spec.positionals) {
    throw usageError(spec, `Unexpected argument "${parsed.positionals[0]}".`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const names = [name, ...(option.aliases ?? [])].filter((candidate) => given[candidate] !== undefined);
    if (names.length > 1 && !option.multiple) {
      throw usageError(spec, `--${names[0]} and --${names[1]} are the same option; give it once.`);
    }
    const value = option.multiple ? names.flatMap((candidate) => given[candidate] as string[]) : given[names[0]];
    values[name] = (option.multiple && names.length === 0 ? undefined : value) ?? option.default;
  }
  return { help: false, values: values as CommandValues<O>, positionals: parsed.positionals };
}

function exitOnUsageError(error: unknown): void {
  if (!(error instanceof UsageError)) return;
  console.error(formatFailure(error));
  process.exit(2);
}

/**
 * A tool's entry point: `--help` prints the usage and exits 0; a usage error, from parsing or
 * thrown by `main` as UsageError, exits 2; any other failure is reported as runMain does (exit 1).
 */
export function runCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  main: (values: CommandValues<O>, positionals: string[]) => Promise<void>,
): void {
  runMain(async () => {
    try {
      const command = parseCommand(spec, process.argv.slice(2));
      if (command.help) {
        console.log(formatHelp(spec));
        return;
      }
      await main(command.values, command.positionals);
    } catch (error) {
      exitOnUsageError(error);
      throw error;
    }
  });
}
