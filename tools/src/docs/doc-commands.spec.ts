import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WORKSPACE_ROOT } from '../apps/app-process';

/**
 * Every command the README and docs tell a person to run names something that exists: an Nx
 * project and target, an npm script, a built tool, a generator, and the flags that tool takes.
 */
const read = (...path: string[]) => readFileSync(join(WORKSPACE_ROOT, ...path), 'utf8');
const json = (...path: string[]) => JSON.parse(read(...path));

const DOCS = [
  'README.md',
  ...readdirSync(join(WORKSPACE_ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
  ...readdirSync(join(WORKSPACE_ROOT, 'apps'))
    .filter((app) => existsSync(join(WORKSPACE_ROOT, 'apps', app, 'README.md')))
    .map((app) => `apps/${app}/README.md`),
];

/** Targets the Nx plugins infer for every project (see nx.json plugins). */
const INFERRED = ['build', 'compile', 'typecheck', 'lint', 'test', 'e2e'];

interface Project {
  targets: Record<string, { command?: string }>;
}

function projects(): Record<string, Project> {
  const defaults: Record<string, { command?: string }> = json('nx.json').targetDefaults;
  const found: Record<string, Project> = {};
  for (const app of readdirSync(join(WORKSPACE_ROOT, 'apps'))) {
    const file = join('apps', app, 'project.json');
    if (!existsSync(join(WORKSPACE_ROOT, file))) continue;
    const project = json(file);
    const targets = Object.fromEntries(
      Object.entries(project.targets ?? {}).map(([name, target]) => [
        name,
        { command: (target as { command?: string }).command ?? defaults[name]?.command },
      ]),
    );
    found[project.name] = { targets };
  }
  for (const library of readdirSync(join(WORKSPACE_ROOT, 'libs'))) {
    const nx = json('libs', library, 'package.json').nx;
    found[nx.name] = { targets: nx.targets ?? {} };
  }
  const tools = json('tools', 'package.json').nx;
  found[tools.name] = { targets: tools.targets };
  found.e2e = { targets: {} };
  return found;
}

/** Commands in code spans and code blocks, one per line, with a project of `<app>`-style placeholders left out. */
function documentedCommands(): { doc: string; command: string }[] {
  return DOCS.flatMap((doc) => {
    const code = [...read(doc).matchAll(/```[a-z]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((m) => m[1] ?? m[2]);
    return code
      .flatMap((block) => block.split('\n'))
      .map((line) =>
        line
          .replace(/^\$ /, '')
          .replace(/\s+#.*$/, '')
          .trim(),
      )
      .filter((line) => /^(npx nx|npm run|node (?:-\S+ )*tools\/dist)/.test(line))
      .map((command) => ({ doc, command }));
  });
}

const commands = documentedCommands();
const known = projects();
const nxRuns = commands.flatMap(({ doc, command }) => {
  const match = /^npx nx run ([a-z0-9-]+):([a-z0-9-]+)(.*)$/.exec(command);
  return match ? [{ doc, command, project: match[1], target: match[2], rest: match[3] }] : [];
});

/** The tool's source file for a target that runs `node [flags] [--] tools/dist/<x>.js`. */
function toolSource(command: string | undefined): string | undefined {
  const script = /^node (?:-\S+ )*tools\/dist\/([\w/-]+)\.js/.exec(command ?? '')?.[1];
  return script ? join('tools', 'src', `${script}.ts`) : undefined;
}

/** Option names a tool's command spec declares (and their old names), read from its source. */
function declaredFlags(source: string): Set<string> {
  const dir = join(source, '..');
  const text = readdirSync(join(WORKSPACE_ROOT, dir))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => read(dir, file))
    .join('\n');
  const names = [...text.matchAll(/^\s+'?([a-z][a-z-]*)'?: \{\s*(?:\n\s*)?type: '(?:string|boolean)'/gm)].map(
    (m) => m[1],
  );
  const aliases = [...text.matchAll(/aliases: \[([^\]]*)\]/g)].flatMap((m) => m[1].match(/[a-z-]+/g) ?? []);
  return new Set([...names, ...aliases, 'help']);
}

/** Documented runs of a target with a command line (not an inferred one such as Jest's), passing it flags. */
const runsWithFlags = nxRuns.filter(
  ({ project, target, rest }) => /\s--\s.*--/.test(rest) && known[project]?.targets[target]?.command !== undefined,
);
const toolRuns = runsWithFlags.filter(({ project, target }) => toolSource(known[project]?.targets[target]?.command));

/** Example apps the docs create in their walk-throughs, and folders the tools make (certificates, builds). */
const MADE_BY_THE_READER = /^certs\/|\/dist(\/|$)|^apps\/(billing|my-service)\//;

/** Workspace files the docs name, in code spans (`apps/…`, `e2e/…`) and relative links, resolved from the workspace root. */
function namedFiles(): { doc: string; file: string }[] {
  return DOCS.flatMap((doc) => {
    const text = read(doc);
    const spans = [...text.matchAll(/`((?:apps|libs|tools|e2e|docs|certs|\.ci)\/[\w./-]+)`/g)].map((m) => m[1]);
    const links = [...text.matchAll(/\]\(([^)#\s]+)/g)]
      .map((m) => m[1])
      .filter((target) => !/^[a-z]+:/.test(target))
      .map((target) => join(dirname(doc), target));
    return [...spans, ...links].filter((file) => !MADE_BY_THE_READER.test(file)).map((file) => ({ doc, file }));
  });
}

describe('the files README.md and docs/ name', () => {
  const files = namedFiles();

  it('finds them', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('$doc: `$file` exists', ({ file }) => {
    expect(existsSync(join(WORKSPACE_ROOT, file))).toBe(true);
  });
});

describe('the commands in README.md and docs/', () => {
  it('finds the documented commands', () => {
    expect(commands.length).toBeGreaterThan(30);
    expect(nxRuns.length).toBeGreaterThan(20);
    expect(toolRuns.length).toBeGreaterThan(5);
  });

  it('finds the tool behind every documented command that passes it flags, so none goes unchecked', () => {
    const unchecked = runsWithFlags.filter((run) => !toolRuns.includes(run)).map(({ command }) => command);
    expect(unchecked).toEqual([]);
  });

  it.each(nxRuns.filter(({ project }) => !['billing', 'my-service'].includes(project)))(
    '$doc: `$command` names a project and a target that exist',
    ({ project, target }) => {
      expect(Object.keys(known)).toContain(project);
      expect([...Object.keys(known[project].targets), ...INFERRED]).toContain(target);
    },
  );

  it.each(toolRuns)('$doc: `$command` passes only flags the tool declares', ({ project, target, rest }) => {
    const source = toolSource(known[project].targets[target].command);
    const flags = [...rest.slice(rest.indexOf(' -- ')).matchAll(/\s--([a-z][a-z-]*)/g)].map((m) => m[1]);
    const declared = declaredFlags(source as string);
    expect(flags.filter((flag) => !declared.has(flag))).toEqual([]);
  });

  it.each(commands.filter(({ command }) => command.startsWith('npm run')))(
    '$doc: `$command` is a script in package.json',
    ({ command }) => {
      const script = command.split(/\s+/)[2];
      expect(Object.keys(json('package.json').scripts)).toContain(script);
    },
  );

  it.each(commands.filter(({ command }) => command.startsWith('node ')))(
    '$doc: `$command` is a tool with a source file',
    ({ command }) => {
      const source = toolSource(command) as string;
      expect(existsSync(join(WORKSPACE_ROOT, source))).toBe(true);
    },
  );

  it.each(commands.filter(({ command }) => command.startsWith('npx nx g')))(
    '$doc: `$command` is a generator of the workspace',
    ({ command }) => {
      const generator = /@temporal-samples\/tools:([a-z-]+)/.exec(command)?.[1];
      expect(Object.keys(json('tools', 'generators.json').generators)).toContain(generator);
    },
  );
});
