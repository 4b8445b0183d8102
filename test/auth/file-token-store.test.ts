/**
 * The opt-in file token store (TIDAL_MCP_TOKEN_STORE=file) in a hostile directory, with real
 * files: links planted at the temporary or final path, directories others can write to or that
 * belong to someone else, and a credentials file that became readable by others.
 */
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { StoredUserCredentials } from '../../src/auth/credentials.js';
import { FileTokenStore, UnsafeTokenFileError } from '../../src/auth/token-stores.js';

const CREDENTIALS: StoredUserCredentials = {
  version: 1,
  clientId: 'client-1',
  userId: '4242',
  accessToken: 'access-token-secret-value',
  refreshToken: 'refresh-token-secret-value',
  expiresAt: 1_900_000_000_000,
  scopes: ['user.read', 'playlists.read'],
  obtainedAt: 1_800_000_000_000,
};

const isRoot = process.getuid?.() === 0;
const posix = process.platform !== 'win32';

describe.runIf(posix)('FileTokenStore', () => {
  let base: string;
  let dir: string;
  let file: string;
  let warnings: string[];
  const store = () => new FileTokenStore(file, { onWarning: (m) => warnings.push(m) });
  const mode = (path: string) => statSync(path).mode & 0o7777;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'tidal-mcp-store-'));
    dir = join(base, 'config', 'tidal-mcp');
    file = join(dir, 'credentials.json');
    warnings = [];
  });
  afterEach(() => {
    // Leave the temp tree removable by the test runner whatever a test did to it.
    if (existsSync(dir)) chmodSync(dir, 0o700);
  });

  it('creates a 0700 directory and a 0600 file, and leaves no temporary file', async () => {
    await store().save(CREDENTIALS);
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['credentials.json']);
    await expect(store().load()).resolves.toEqual(CREDENTIALS);
    expect(warnings).toEqual([]);
  });

  it('writes 0600 even with a permissive umask', async () => {
    const previous = process.umask(0);
    try {
      await store().save(CREDENTIALS);
    } finally {
      process.umask(previous);
    }
    expect(mode(file)).toBe(0o600);
  });

  it('never writes through a link planted at the temporary path', async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const victim = join(base, 'victim.txt');
    writeFileSync(victim, 'original');
    const dangling = join(base, 'created-by-us.txt');
    symlinkSync(victim, `${file}.${process.pid}.tmp`);
    await store().save(CREDENTIALS);
    expect(readFileSync(victim, 'utf8')).toBe('original');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(mode(file)).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(CREDENTIALS);

    // A dangling link: following it would create a file wherever it points.
    symlinkSync(dangling, `${file}.${process.pid}.tmp`);
    await store().save({ ...CREDENTIALS, userId: '7' });
    expect(existsSync(dangling)).toBe(false);
    await expect(store().load()).resolves.toMatchObject({ userId: '7' });
    expect(readdirSync(dir)).toEqual(['credentials.json']);
  });

  it('refuses a link at the credentials path, for reading and writing', async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const elsewhere = join(base, 'elsewhere.json');
    writeFileSync(elsewhere, JSON.stringify({ ...CREDENTIALS, userId: 'attacker' }), {
      mode: 0o600,
    });
    symlinkSync(elsewhere, file);
    const message = `refusing to use ${file} for TIDAL credentials: it is a symbolic link. Remove it (rm ${file}) and run \`tidal-mcp login\` again.`;
    await expect(store().load()).rejects.toThrow(message);
    await expect(store().save(CREDENTIALS)).rejects.toThrow(message);
    await expect(store().load()).rejects.toBeInstanceOf(UnsafeTokenFileError);
    expect(JSON.parse(readFileSync(elsewhere, 'utf8'))).toMatchObject({ userId: 'attacker' });
    // Logging out removes the link itself, never what it points to.
    await expect(store().remove()).resolves.toBe(false);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(elsewhere)).toBe(true);
  });

  it('refuses a directory other users can write to, saying how to fix it', async () => {
    for (const bits of [0o777, 0o770, 0o1777]) {
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, bits);
      const message = `refusing to keep TIDAL credentials in ${dir}: other users can write to it (mode ${bits.toString(8)}). Run \`chmod 700 ${dir}\` and try again.`;
      await expect(store().save(CREDENTIALS)).rejects.toThrow(message);
      await expect(store().load()).rejects.toThrow(message);
      expect(existsSync(file)).toBe(false);
    }
  });

  it('refuses a config base directory others can write to unless it is sticky like /tmp', async () => {
    const parent = join(base, 'config');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(parent, 0o777);
    await expect(store().save(CREDENTIALS)).rejects.toThrow(
      `refusing to keep TIDAL credentials in ${dir}: other users can write to ${parent} (mode 777) and so replace it. Run \`chmod go-w ${parent}\` and try again.`,
    );
    chmodSync(parent, 0o1777);
    await store().save(CREDENTIALS);
    await expect(store().load()).resolves.toEqual(CREDENTIALS);
  });

  // Only root can hand a directory to another user; elsewhere this case cannot be simulated.
  it.runIf(isRoot)('refuses a directory that belongs to another user', async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chownSync(dir, 65534, 65534);
    const message = `refusing to keep TIDAL credentials in ${dir}: it belongs to another user (uid 65534; you are uid 0). Use a directory of your own (XDG_CONFIG_HOME) or the OS keychain.`;
    await expect(store().save(CREDENTIALS)).rejects.toThrow(message);
    await expect(store().load()).rejects.toThrow(message);
  });

  it('warns once when the credentials file has become readable by others', async () => {
    await store().save(CREDENTIALS);
    chmodSync(file, 0o644);
    const s = store();
    await expect(s.load()).resolves.toEqual(CREDENTIALS);
    await expect(s.load()).resolves.toEqual(CREDENTIALS);
    expect(warnings).toEqual([
      `${file} is open to other users (mode 644): run \`chmod 600 ${file}\`, and \`tidal-mcp logout\` then \`tidal-mcp login\` if someone may have copied it.`,
    ]);
    // The next save (a token refresh) puts the file back to 0600.
    await s.save(CREDENTIALS);
    expect(mode(file)).toBe(0o600);
  });

  it('replaces a stale temporary file left by a crashed run with the same pid', async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(`${file}.${process.pid}.tmp`, 'half-written', { mode: 0o600 });
    await store().save(CREDENTIALS);
    await expect(store().load()).resolves.toEqual(CREDENTIALS);
    expect(readdirSync(dir)).toEqual(['credentials.json']);
  });

  it('serialises concurrent saves and keeps the last one', async () => {
    const s = store();
    await Promise.all(['1', '2', '3'].map((userId) => s.save({ ...CREDENTIALS, userId })));
    await expect(s.load()).resolves.toMatchObject({ userId: '3' });
    expect(readdirSync(dir)).toEqual(['credentials.json']);
  });

  it('reports no login when nothing was ever saved, without creating anything', async () => {
    await expect(store().load()).resolves.toBeUndefined();
    expect(existsSync(dir)).toBe(false);
    await expect(store().remove()).resolves.toBe(false);
  });
});
