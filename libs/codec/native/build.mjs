// Compiles aes-gcm-seal.c against the headers of the Node running this, into build/aes-gcm-seal.node.
// Where that cannot be done (no C compiler, no headers, not Linux) it says why and builds nothing:
// the codec then seals with Node's crypto, which is correct and slower for large payloads.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'aes-gcm-seal.c');
const target = join(here, 'build', 'aes-gcm-seal.node');
const headers = join(dirname(dirname(process.execPath)), 'include', 'node');
const compiler = process.env.CC || 'cc';

function notBuilt(reason, fix) {
  rmSync(target, { force: true });
  console.log(
    `Codec native sealer not built: ${reason}. The codec seals with Node's crypto instead ` +
      `(correct; slower for large payloads). To build it: ${fix}, then run this again.`,
  );
}

function compile() {
  const partial = `${target}.${process.pid}`;
  mkdirSync(dirname(target), { recursive: true });
  try {
    execFileSync(
      compiler,
      ['-O2', '-Wall', '-Werror', '-shared', '-fPIC', '-Wl,-z,now', '-I', headers, '-o', partial, source],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    rmSync(partial, { force: true });
    if (error.code === 'ENOENT') {
      notBuilt(`no C compiler "${compiler}" on PATH`, 'install one (Debian: apt-get install gcc) or set CC');
    } else {
      notBuilt(`${compiler} failed:\n${error.stderr}`, 'fix the error above');
    }
    return;
  }
  renameSync(partial, target);
  console.log(`Codec native sealer built: ${relative(process.cwd(), target)}`);
}

const USAGE = `Usage: node libs/codec/native/build.mjs   (or: npx nx run codec:build-native)

Compiles the codec's AES-256-GCM sealer (aes-gcm-seal.c) with $CC (default cc) against the C headers
of the Node running it, into build/aes-gcm-seal.node. Where it cannot, it says why and builds nothing;
the codec then seals with Node's crypto. Takes no options.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else if (args.length > 0) {
  console.error(`Unknown argument '${args[0]}'.\n\n${USAGE}`);
  process.exitCode = 2;
} else if (process.platform !== 'linux') {
  notBuilt(`this build script knows Linux only, not ${process.platform}`, 'use Linux, or a Linux container');
} else if (!existsSync(join(headers, 'node_api.h')) || !existsSync(join(headers, 'openssl', 'evp.h'))) {
  notBuilt(
    `the headers of this Node (node_api.h and OpenSSL's) are not in ${headers}`,
    'use a Node from nodejs.org or NodeSource, which ships them',
  );
} else {
  compile();
}
