import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './app-process';
import { DEPLOYMENT_TARGETS, TARGET_NAMES } from './deployment-targets';

const TEMPLATE_APPS = Object.values(DEPLOYMENT_TARGETS).map((target): string => target.templateApp);
const read = (...path: string[]) => readFileSync(join(WORKSPACE_ROOT, ...path), 'utf8');

/** `| [`apps/plain`](apps/plain/README.md) | local server, no TLS | ready |` -> ['plain', 'local server, no TLS']. */
function readmeTargetRows(): Map<string, string> {
  const rows = read('README.md')
    .split('\n')
    .map((line) => /^\|\s*\[`apps\/([a-z0-9-]+)`\]\([^)]*\)\s*\|\s*([^|]*?)\s*\|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  return new Map(rows.map(([, app, description]) => [app, description]));
}

/** What the generator's schema and generators.json tell a user the targets are. */
const listedIn = (text: string) => TARGET_NAMES.filter((name) => text.includes(name));

describe('the deployment targets registry', () => {
  it.each(TARGET_NAMES)("README's table lists %s with the registry's description", (target) => {
    const { templateApp, description } = DEPLOYMENT_TARGETS[target];
    expect(readmeTargetRows().get(templateApp)).toBe(description);
  });

  it("README's table links no other app than the registry's", () => {
    expect([...readmeTargetRows().keys()].sort()).toEqual([...TEMPLATE_APPS].sort());
  });

  it('names every template app in apps/ (a folder with src/worker.ts and a profile)', () => {
    const appsDir = join(WORKSPACE_ROOT, 'apps');
    const onDisk = readdirSync(appsDir).filter((app) => existsSync(join(appsDir, app, 'src', 'worker.ts')));
    expect(onDisk.sort()).toEqual([...TEMPLATE_APPS].sort());
  });

  it("is in the e2e project's dependencies, so a change to a template app reruns the end-to-end tests", () => {
    const e2e = JSON.parse(read('e2e', 'project.json'));
    expect(e2e.implicitDependencies).toEqual(expect.arrayContaining(TEMPLATE_APPS));
  });

  it("is what the generator's schema and generators.json offer as --target", () => {
    const schema = JSON.parse(read('tools', 'src', 'generators', 'app', 'schema.json'));
    const generators = JSON.parse(read('tools', 'generators.json'));
    expect(listedIn(schema.properties.target.description)).toEqual(TARGET_NAMES);
    expect(schema.properties.target.enum).toEqual(TARGET_NAMES);
    expect(schema.properties.target['x-prompt'].items.map((item: { value: string }) => item.value)).toEqual(
      TARGET_NAMES,
    );
    expect(listedIn(generators.generators.app.description)).toEqual(TARGET_NAMES);
  });
});
