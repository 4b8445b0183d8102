/**
 * The stderr logger. stdout belongs to the MCP protocol in stdio mode, so nothing else may
 * write there. Messages pass through redact() so a token that slips into an error never leaves.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

import { mapStack } from './stack-trace.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Credential keys, matched as whole keys (never inside `countryCode`, `barcode` or `error_code`):
 * snake/kebab case as OAuth forms spell them (any `*_token`, `*_secret`, `*_password`), and
 * camelCase as our stored credentials do (`accessToken`, `codeVerifier`...).
 */
const KEY_START = '(?<![A-Za-z0-9_-])';
const VALUE = `(["']?\\s*[:=]\\s*["']?)[^"'&\\s,}]+`;
const SNAKE_KEY = new RegExp(
  `${KEY_START}((?:[A-Za-z0-9]+[_-])*(?:token|secret|password)|code_verifier|code)${VALUE}`,
  'gi',
);
const CAMEL_KEY = new RegExp(
  `${KEY_START}([a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*(?:Token|Secret|Password|Verifier))${VALUE}`,
  'g',
);
/** RFC 6750 b64token: what a bearer credential is made of. */
const BEARER = /(Bearer\s+)([A-Za-z0-9._~+/-]+=*)/gi;
/**
 * The word after "Bearer" in prose ("Bearer tokens", `Bearer realm="x"`): 2 to 15 letters,
 * lower case after the first. Tokens are longer, mix case or carry digits and symbols; TIDAL's
 * are JWTs and ours at least 32 characters, so keeping such words weakens nothing real.
 */
const PLAIN_WORD = /^[A-Za-z][a-z]{1,14}$/;

/** Blank out anything that looks like a bearer token or a credential-bearing key=value pair. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  out = out.replace(BEARER, (match, prefix: string, value: string) =>
    PLAIN_WORD.test(value.replace(/=+$/, '')) ? match : `${prefix}[redacted]`,
  );
  return out.replace(SNAKE_KEY, '$1$2[redacted]').replace(CAMEL_KEY, '$1$2[redacted]');
}

/**
 * Where a tool call's log lines also go: the MCP client that made the call (notifications/message,
 * filtered by the level the client chose). Carried with AsyncLocalStorage so a line logged deep in
 * the TIDAL client reaches the caller whose request caused it, and nobody else.
 */
export type LogSink = (level: Exclude<LogLevel, 'silent'>, message: string) => void;
const sinks = new AsyncLocalStorage<LogSink>();

export function withLogSink<T>(sink: LogSink, fn: () => Promise<T>): Promise<T> {
  return sinks.run(sink, fn);
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
  secrets: readonly (string | undefined)[] = [],
): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string) => {
    const sink = sinks.getStore();
    if (ORDER[at] < ORDER[level] && sink === undefined) return;
    const safe = redact(mapStack(message), secrets);
    if (ORDER[at] >= ORDER[level]) write(`[tidal-mcp] ${at}: ${safe}\n`);
    sink?.(at, safe);
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
  };
}

export const silentLogger: Logger = createLogger('silent');
