/**
 * Where user credentials live. The OS keychain by default (macOS Keychain, Windows Credential
 * Manager, the Secret Service on Linux — pinned there so a token never lands silently in the
 * non-persistent kernel keyring); an opt-in 0600 file when there is no keychain
 * (file-token-store.ts).
 * The keychain module is loaded lazily so the catalog tools run on machines without one.
 */
import { AuthError } from '../tidal/errors.js';
import type { StoredUserCredentials, TokenStore } from './credentials.js';
import { FileTokenStore, parseStoredCredentials } from './file-token-store.js';

/** A TidalError so tools show its message (how to fix it) instead of a generic failure. */
export class KeychainUnavailableError extends AuthError {
  override name = 'KeychainUnavailableError';
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
    return this.run(async (entry) => parseStoredCredentials(await entry.getPassword()));
  }

  save(credentials: StoredUserCredentials): Promise<void> {
    return this.run((entry) => entry.setPassword(JSON.stringify(credentials)));
  }

  remove(): Promise<boolean> {
    return this.run((entry) => entry.deleteCredential());
  }
}

export { FileTokenStore, TokenFileError, UnsafeTokenFileError } from './file-token-store.js';

export interface TokenStoreSettings {
  tokenStore: 'keychain' | 'file';
  keychainService: string;
  tokenFilePath: string;
}

/**
 * Account = client id: one login per TIDAL app on this machine. `onWarning` hears about problems
 * that do not stop the store from working (a credentials file others can read).
 */
export function createTokenStore(
  settings: TokenStoreSettings,
  clientId: string,
  onWarning?: (message: string) => void,
): TokenStore {
  return settings.tokenStore === 'file'
    ? new FileTokenStore(settings.tokenFilePath, { onWarning })
    : new KeychainTokenStore(settings.keychainService, clientId);
}
