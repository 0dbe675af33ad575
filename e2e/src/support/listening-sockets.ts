import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Listener {
  pid: number;
  /** As the kernel reports it, e.g. `127.0.0.1` or `0.0.0.0` or `::`. */
  host: string;
  port: number;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed while we looked
    }
  }
  return inodes;
}

function hostOf(hex: string): string {
  if (hex.length === 8) return Buffer.from(hex, 'hex').reverse().join('.');
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = Buffer.concat(words.map((word) => Buffer.from(word, 'hex').reverse()));
  if (bytes.every((byte) => byte === 0)) return '::';
  if (bytes.subarray(0, 10).every((byte) => byte === 0) && bytes.readUInt16BE(10) === 0xffff)
    return [...bytes.subarray(12)].join('.');
  return (bytes.toString('hex').match(/.{4}/g) ?? []).join(':');
}

/** Every TCP socket in LISTEN state held by the given processes, read from /proc (Linux). */
export function listeningSockets(pids: number[]): Listener[] {
  const owner = new Map<string, number>();
  for (const pid of pids) for (const inode of socketInodes(pid)) owner.set(inode, pid);
  const listeners: Listener[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      const pid = owner.get(inode);
      if (state !== '0A' || pid === undefined) continue;
      const [hex, port] = local.split(':');
      listeners.push({ pid, host: hostOf(hex), port: parseInt(port, 16) });
    }
  }
  return listeners;
}
