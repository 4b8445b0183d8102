/**
 * The only reader of process.env and argv. Everything else receives a frozen Config.
 * Names of environment variables are a public contract (README "Configuration").
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

import * as z from 'zod/v4';

import { UserFacingError } from './errors.js';

export const DEFAULTS = {
  apiUrl: 'https://openapi.tidal.com/v2',
  tokenUrl: 'https://auth.tidal.com/v1/oauth2/token',
  authorizeUrl: 'https://login.tidal.com/authorize',
  redirectUri: 'http://127.0.0.1:8765/callback',
  country: 'US',
  requestsPerSecond: 4,
  /** MCP clients wait 60 s for a tool; report a hanging TIDAL well before that. */
  requestTimeoutSeconds: 30,
  httpHost: '127.0.0.1',
  httpPort: 8787,
  keychainService: 'tidal-mcp',
} as const;

const httpUrl = z.url({ protocol: /^https?$/ });
const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US or NO')
  .transform((c) => c.toUpperCase());
const optionalSecret = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const HTTP_TOKEN_HELP = 'generate one with `openssl rand -hex 32`';
/**
 * The HTTP bearer token is the only lock on a non-loopback server, so it must resist guessing
 * (32+ characters) and survive an Authorization header intact (visible ASCII, no spaces).
 */
const httpToken = optionalSecret.superRefine((token, ctx) => {
  if (token === undefined) return;
  if (!/^[\x21-\x7e]+$/.test(token)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be printable ASCII without spaces (it travels in an Authorization header); ${HTTP_TOKEN_HELP}`,
    });
  } else if (token.length < 32) {
    ctx.addIssue({
      code: 'custom',
      message: `must be at least 32 characters (got ${token.length}); ${HTTP_TOKEN_HELP}`,
    });
  }
});

const EnvSchema = z.object({
  TIDAL_CLIENT_ID: optionalSecret,
  TIDAL_CLIENT_SECRET: optionalSecret,
  TIDAL_API_URL: httpUrl.default(DEFAULTS.apiUrl),
  TIDAL_TOKEN_URL: httpUrl.default(DEFAULTS.tokenUrl),
  TIDAL_AUTHORIZE_URL: httpUrl.default(DEFAULTS.authorizeUrl),
  TIDAL_REDIRECT_URI: httpUrl.default(DEFAULTS.redirectUri),
  TIDAL_COUNTRY: country.default(DEFAULTS.country),
  TIDAL_MCP_REQUESTS_PER_SECOND: z.coerce
    .number()
    .positive('must be a positive number of requests per second')
    .max(100)
    .default(DEFAULTS.requestsPerSecond),
  TIDAL_MCP_REQUEST_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(5, 'must be at least 5 seconds')
    .max(55, 'must be at most 55 seconds (MCP clients give up after 60 s)')
    .default(DEFAULTS.requestTimeoutSeconds),
  TIDAL_MCP_KEYCHAIN_SERVICE: z.string().trim().min(1).default(DEFAULTS.keychainService),
  TIDAL_MCP_TOKEN_STORE: z.enum(['keychain', 'file']).default('keychain'),
  TIDAL_MCP_HTTP_HOST: z.string().trim().min(1).default(DEFAULTS.httpHost),
  TIDAL_MCP_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULTS.httpPort),
  TIDAL_MCP_HTTP_TOKEN: httpToken,
  TIDAL_MCP_LOGIN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  TIDAL_MCP_CALL_STATS: z.enum(['0', '1', 'true', 'false']).default('0'),
  TIDAL_MCP_READ_ONLY: z
    .enum(['0', '1', 'true', 'false'], 'must be 1, 0, true or false')
    .default('0'),
  TIDAL_MCP_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Command = 'serve' | 'login' | 'logout' | 'status' | 'help' | 'version';

export interface Config {
  readonly command: Command;
  readonly transport: 'stdio' | 'http';
  readonly openBrowser: boolean;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly authorizeUrl: string;
  readonly redirectUri: string;
  readonly country: string;
  /** TIDAL_COUNTRY was set: it wins over the logged-in user's country for catalog tools. */
  readonly countryExplicit: boolean;
  readonly requestsPerSecond: number;
  /** Budget for one TIDAL call, retries and rate-limit waits included. */
  readonly requestTimeoutSeconds: number;
  readonly keychainService: string;
  readonly tokenStore: 'keychain' | 'file';
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly token: string | undefined;
  };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** How long `tidal-mcp login` waits for the browser to come back. */
  readonly loginTimeoutSeconds: number;
  /** Where the opt-in file token store writes (TIDAL_MCP_TOKEN_STORE=file). */
  readonly tokenFilePath: string;
  /** Attach per-call upstream request counts and timings to tool results (`_meta`). */
  readonly reportCallStats: boolean;
  /** Offer no tool that changes anything on TIDAL (and no logout): shared or unattended agents. */
  readonly readOnly: boolean;
}

export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
}

interface ParsedArgs {
  command: Command;
  http: boolean;
  noBrowser: boolean;
  readOnly: boolean;
  port?: string;
  host?: string;
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: 'serve', http: false, noBrowser: false, readOnly: false };
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    switch (arg) {
      case 'login':
      case 'logout':
      case 'status':
        parsed.command = arg;
        break;
      case '--http':
        parsed.http = true;
        break;
      case '--no-browser':
        parsed.noBrowser = true;
        break;
      case '--read-only':
        parsed.readOnly = true;
        break;
      case '--port':
      case '--host': {
        const value = rest.shift();
        if (value === undefined || value.startsWith('--')) {
          throw new ConfigError(`${arg} needs a value`);
        }
        if (arg === '--port') parsed.port = value;
        else parsed.host = value;
        break;
      }
      case '-h':
      case '--help':
      case 'help':
        parsed.command = 'help';
        break;
      case '-v':
      case '--version':
        parsed.command = 'version';
        break;
      default:
        throw new ConfigError(`unknown argument "${arg}" (try --help)`);
    }
  }
  return parsed;
}

/** The per-user configuration directory of this platform. */
function configDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32' && env.APPDATA) return env.APPDATA;
  if (process.platform === 'darwin')
    return join(env.HOME ?? homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(env.HOME ?? homedir(), '.config');
}

/** Parse argv (without node and script) and an environment into a frozen Config. */
export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const args = parseArgs(argv);
  const merged = { ...env };
  if (args.port !== undefined) merged.TIDAL_MCP_HTTP_PORT = args.port;
  if (args.host !== undefined) merged.TIDAL_MCP_HTTP_HOST = args.host;
  const result = EnvSchema.safeParse(
    Object.fromEntries(
      Object.keys(EnvSchema.shape).map((key) => [
        key,
        merged[key] === '' ? undefined : merged[key],
      ]),
    ),
  );
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = result.data;
  return Object.freeze({
    command: args.command,
    transport: args.http ? 'http' : 'stdio',
    openBrowser: !args.noBrowser,
    clientId: e.TIDAL_CLIENT_ID,
    clientSecret: e.TIDAL_CLIENT_SECRET,
    apiUrl: e.TIDAL_API_URL.replace(/\/+$/, ''),
    tokenUrl: e.TIDAL_TOKEN_URL,
    authorizeUrl: e.TIDAL_AUTHORIZE_URL,
    redirectUri: e.TIDAL_REDIRECT_URI,
    country: e.TIDAL_COUNTRY,
    countryExplicit: (merged.TIDAL_COUNTRY ?? '').trim() !== '',
    requestsPerSecond: e.TIDAL_MCP_REQUESTS_PER_SECOND,
    requestTimeoutSeconds: e.TIDAL_MCP_REQUEST_TIMEOUT_SECONDS,
    keychainService: e.TIDAL_MCP_KEYCHAIN_SERVICE,
    tokenStore: e.TIDAL_MCP_TOKEN_STORE,
    http: Object.freeze({
      host: e.TIDAL_MCP_HTTP_HOST,
      port: e.TIDAL_MCP_HTTP_PORT,
      token: e.TIDAL_MCP_HTTP_TOKEN,
    }),
    logLevel: e.TIDAL_MCP_LOG_LEVEL,
    loginTimeoutSeconds: e.TIDAL_MCP_LOGIN_TIMEOUT_SECONDS,
    tokenFilePath: join(configDir(env), 'tidal-mcp', 'credentials.json'),
    reportCallStats: e.TIDAL_MCP_CALL_STATS === '1' || e.TIDAL_MCP_CALL_STATS === 'true',
    readOnly: args.readOnly || e.TIDAL_MCP_READ_ONLY === '1' || e.TIDAL_MCP_READ_ONLY === 'true',
  });
}
