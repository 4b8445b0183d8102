/**
 * Where user credentials live. The OS keychain by default (macOS Keychain, Windows Credential
 * Manager, the Secret Service on Linux — pinned there so a token never lands silently in the
 * non-persistent kernel keyring); an opt-in 0600 file when there is no keychain.
 * The keychain module is loaded lazily so the catalog tools run on machines without one.
 */
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuthError } from '../tidal/errors.js';
import type { StoredUserCredentials, TokenStore } from './credentials.js';

/** A TidalError so tools show its message (how to fix it) instead of a generic failure. */
export class KeychainUnavailableError extends AuthError {
  override name = 'KeychainUnavailableError';
}

function parse(text: string | null): StoredUserCredentials | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as StoredUserCredentials;
    return value.version === 1 && typeof value.accessToken === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

const KEYCHAIN_HELP =
  'No OS keychain is reachable. On a desktop, log in to your session keyring; on a headless Linux ' +
  'box run the command inside `dbus-run-session` with an unlocked gnome-keyring (see the README), ' +
  'or opt in to a plain file with TIDAL_MCP_TOKEN_STORE=file.';

export class KeychainTokenStore implements TokenStore {
  constructor(
    private readonly service: string,
    private readonly account: string,
  ) {}

  describe(): string {
    return `OS keychain (service "${this.service}", account "${this.account}")`;
  }

  private async entry() {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    return new AsyncEntry(this.service, this.account, { linux: { store: 'secret-service' } });
  }

  private async run<T>(
    operation: (entry: Awaited<ReturnType<KeychainTokenStore['entry']>>) => Promise<T>,
  ): Promise<T> {
    try {
      return await operation(await this.entry());
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new KeychainUnavailableError(`${KEYCHAIN_HELP} (${detail})`);
    }
  }

  load(): Promise<StoredUserCredentials | undefined> {
    return this.run(async (entry) => parse(await entry.getPassword()));
  }

  save(credentials: StoredUserCredentials): Promise<void> {
    return this.run((entry) => entry.setPassword(JSON.stringify(credentials)));
  }

  remove(): Promise<boolean> {
    return this.run((entry) => entry.deleteCredential());
  }
}

/** Opt-in only: a JSON file readable by the user alone, replaced atomically on every save. */
export class FileTokenStore implements TokenStore {
  constructor(private readonly path: string) {}

  describe(): string {
    return `file ${this.path} (mode 0600)`;
  }

  async load(): Promise<StoredUserCredentials | undefined> {
    try {
      return parse(await readFile(this.path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async save(credentials: StoredUserCredentials): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    // Created 0600 from the first byte: the token is never readable by others, even briefly.
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(credentials), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, 0o600);
    await rename(temp, this.path);
  }

  async remove(): Promise<boolean> {
    const existed = (await this.load().catch(() => undefined)) !== undefined;
    await rm(this.path, { force: true });
    return existed;
  }
}

export interface TokenStoreSettings {
  tokenStore: 'keychain' | 'file';
  keychainService: string;
  tokenFilePath: string;
}

/** Account = client id: one login per TIDAL app on this machine. */
export function createTokenStore(settings: TokenStoreSettings, clientId: string): TokenStore {
  return settings.tokenStore === 'file'
    ? new FileTokenStore(settings.tokenFilePath)
    : new KeychainTokenStore(settings.keychainService, clientId);
}
