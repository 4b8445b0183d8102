/**
 * The opt-in credentials file (TIDAL_MCP_TOKEN_STORE=file) for machines without a keychain. It
 * holds a refresh token, so it is guarded like an SSH private key:
 *
 * - The directory must be ours and closed to others: owned by this user and not group- or
 *   world-writable. Its parent may be shared only when sticky (like /tmp): whoever can write to
 *   the parent can swap our directory for theirs. Anything else is refused, with the fix.
 * - No symbolic link is followed at the file or at its temporary sibling (O_NOFOLLOW where the
 *   platform has it, lstat otherwise): a planted link must neither redirect our tokens elsewhere
 *   nor feed us someone else's.
 * - Saves write a temporary file created exclusively (O_CREAT|O_EXCL) with mode 0600 and rename
 *   it over the file: never readable by others, never half-written.
 * - A file that has become readable by others still works, with a warning saying what to do.
 *
 * Windows has no POSIX modes or owners in fs.stat: the mode and owner checks are skipped there;
 * the link checks remain.
 */
import { constants } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

import { UserFacingError } from '../errors.js';
import { AuthError } from '../tidal/errors.js';
import type { StoredUserCredentials, TokenStore } from './credentials.js';

/** The file or its directory could be read or replaced by someone else: nothing was used. */
export class UnsafeTokenFileError extends AuthError {
  override name = 'UnsafeTokenFileError';
}

/** Any other failure of the file store, named by path and system error code only. */
export class TokenFileError extends AuthError {
  override name = 'TokenFileError';
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const STICKY = 0o1000;
const POSIX = process.platform !== 'win32' && typeof process.getuid === 'function';

const octal = (mode: number) => (mode & 0o7777).toString(8);
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

export function parseStoredCredentials(text: string | null): StoredUserCredentials | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as StoredUserCredentials;
    return value.version === 1 && typeof value.accessToken === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Refuse a directory another user owns or can write to, or whose parent lets others swap it. */
async function assertPrivateDirectory(dir: string): Promise<void> {
  const refuse = (why: string) =>
    new UnsafeTokenFileError(`refusing to keep TIDAL credentials in ${dir}: ${why}`);
  // Followed on purpose: a dotfiles link to a directory is fine; what it points to is checked.
  const info = await stat(dir);
  if (!info.isDirectory()) throw refuse('it is not a directory.');
  if (!POSIX) return;
  const uid = (process.getuid as () => number)();
  if (info.uid !== uid) {
    throw refuse(
      `it belongs to another user (uid ${info.uid}; you are uid ${uid}). Use a directory of your own (XDG_CONFIG_HOME) or the OS keychain.`,
    );
  }
  if (info.mode & 0o022) {
    throw refuse(
      `other users can write to it (mode ${octal(info.mode)}). Run \`chmod 700 ${dir}\` and try again.`,
    );
  }
  const parent = dirname(dir);
  const above = await stat(parent);
  if (above.uid !== uid && above.uid !== 0) {
    throw refuse(`${parent} belongs to another user (uid ${above.uid}), who could replace it.`);
  }
  if (above.mode & 0o022 && !(above.mode & STICKY)) {
    throw refuse(
      `other users can write to ${parent} (mode ${octal(above.mode)}) and so replace it. Run \`chmod go-w ${parent}\` and try again.`,
    );
  }
}

export interface FileTokenStoreOptions {
  /** Told once per store about a problem that does not stop it (a file others can read). */
  onWarning?: ((message: string) => void) | undefined;
}

/** Opt-in only: a JSON file readable by the user alone, replaced atomically on every save. */
export class FileTokenStore implements TokenStore {
  readonly #dir: string;
  #warned = false;
  /** Saves share one temporary name per process, so they run one at a time. */
  #saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly options: FileTokenStoreOptions = {},
  ) {
    this.#dir = dirname(path);
  }

  describe(): string {
    return `file ${this.path} (mode 0600)`;
  }

  async load(): Promise<StoredUserCredentials | undefined> {
    const handle = await this.openForReading();
    if (handle === undefined) return undefined;
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        throw new UnsafeTokenFileError(
          `refusing to use ${this.path} for TIDAL credentials: it is not a regular file.`,
        );
      }
      this.warnIfOpen(info.mode);
      return parseStoredCredentials(await handle.readFile('utf8'));
    } catch (error) {
      throw this.wrap(error, 'read');
    } finally {
      await handle.close();
    }
  }

  save(credentials: StoredUserCredentials): Promise<void> {
    const run = this.#saving.then(() => this.write(credentials));
    this.#saving = run.catch(() => undefined);
    return run;
  }

  async remove(): Promise<boolean> {
    // An unreadable or refused file is still removed: deleting never exposes anything, and
    // unlink removes a link itself, never what it points to.
    const existed = (await this.load().catch(() => undefined)) !== undefined;
    try {
      await unlink(this.path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw this.wrap(error, 'remove');
    }
    return existed;
  }

  private linkError(): UnsafeTokenFileError {
    return new UnsafeTokenFileError(
      `refusing to use ${this.path} for TIDAL credentials: it is a symbolic link. Remove it (rm ${this.path}) and run \`tidal-mcp login\` again.`,
    );
  }

  /** Messages we wrote pass through; a system error becomes the path and its code. */
  private wrap(error: unknown, verb: 'read' | 'write' | 'remove'): Error {
    if (error instanceof UserFacingError) return error;
    return new TokenFileError(
      `could not ${verb} the TIDAL credentials file ${this.path} (${errorCode(error) ?? 'error'})`,
    );
  }

  private async assertNotLink(): Promise<void> {
    const info = await lstat(this.path).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (info?.isSymbolicLink()) throw this.linkError();
  }

  private async openForReading(): Promise<FileHandle | undefined> {
    try {
      await assertPrivateDirectory(this.#dir);
      if (NOFOLLOW === 0) await this.assertNotLink();
      return await open(this.path, constants.O_RDONLY | NOFOLLOW);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      // O_NOFOLLOW on a link: ELOOP on Linux and macOS, EMLINK on FreeBSD.
      if (errorCode(error) === 'ELOOP' || errorCode(error) === 'EMLINK') throw this.linkError();
      throw this.wrap(error, 'read');
    }
  }

  private warnIfOpen(mode: number): void {
    if (!POSIX || (mode & 0o077) === 0 || this.#warned) return;
    this.#warned = true;
    this.options.onWarning?.(
      `${this.path} is open to other users (mode ${octal(mode)}): run \`chmod 600 ${this.path}\`, and \`tidal-mcp logout\` then \`tidal-mcp login\` if someone may have copied it.`,
    );
  }

  private async write(credentials: StoredUserCredentials): Promise<void> {
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(this.#dir, { recursive: true, mode: 0o700 });
      await assertPrivateDirectory(this.#dir);
      await this.assertNotLink();
      const handle = await createExclusive(temp);
      try {
        await handle.chmod(0o600);
        await handle.writeFile(JSON.stringify(credentials), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      // rename replaces a path, never writes through it.
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw this.wrap(error, 'write');
    }
  }
}

/**
 * A new 0600 file at `path`, never an existing one and never through a link. Something already
 * there is a leftover of a crashed run with our pid, or planted: unlink it (a link is removed,
 * not followed) and try once more; a second collision means someone is racing us.
 */
async function createExclusive(path: string): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;
  try {
    return await open(path, flags, 0o600);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  await unlink(path);
  return open(path, flags, 0o600);
}
