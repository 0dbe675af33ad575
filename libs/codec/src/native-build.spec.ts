import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNativeSealer } from './native-sealer';

const NATIVE_DIR = join(__dirname, '..', 'native');

/** native/build.mjs run on a copy of native/, so the workspace's built addon is never touched. */
describe('native/build.mjs (npx nx run codec:build-native)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'codec-native-build-'));
    mkdirSync(join(dir, 'native'));
    for (const file of ['build.mjs', 'aes-gcm-seal.c']) copyFileSync(join(NATIVE_DIR, file), join(dir, 'native', file));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (args: string[] = [], env: NodeJS.ProcessEnv = {}) => {
    const run = spawnSync(process.execPath, [join(dir, 'native', 'build.mjs'), ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const addon = () => join(dir, 'native', 'build', 'aes-gcm-seal.node');

  it('compiles an addon that loads, exporting seal', () => {
    const { code, stdout } = build();
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: 'Codec native sealer built: native/build/aes-gcm-seal.node\n',
    });
    expect(loadNativeSealer(addon())).toEqual({ seal: expect.any(Function) });
  });

  it('without a compiler builds nothing, removes an older addon, says why and how to fix it, and exits 0', () => {
    mkdirSync(join(dir, 'native', 'build'));
    writeFileSync(addon(), 'an addon from an earlier build');
    const { code, stdout } = build([], { CC: 'no-such-compiler' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Codec native sealer not built: no C compiler "no-such-compiler" on PATH\. /);
    expect(stdout).toMatch(
      /The codec seals with Node's crypto instead .* install one \(Debian: apt-get install gcc\) or set CC/,
    );
    expect(existsSync(addon())).toBe(false);
  });

  it("shows the compiler's error when the source does not compile", () => {
    writeFileSync(join(dir, 'native', 'aes-gcm-seal.c'), 'int broken(void) { return }\n');
    const { code, stdout } = build();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Codec native sealer not built: cc failed:\n[\s\S]*error:/);
    expect(existsSync(addon())).toBe(false);
  });

  it('answers --help with exit 0 and refuses an argument with exit 2', () => {
    expect(build(['--help'])).toEqual(expect.objectContaining({ code: 0, stdout: expect.stringMatching(/^Usage: /) }));
    const refused = build(['--out']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Unknown argument '--out'\./);
  });
});
