/**
 * The stderr logger. stdout belongs to the MCP protocol in stdio mode, so nothing else may
 * write there. Messages pass through redact() so a token that slips into an error never leaves.
 */
import { mapStack } from './stack-trace.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const SECRET_PATTERNS: RegExp[] = [
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /((?:access_token|refresh_token|client_secret|code_verifier|code|token|password)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
];

/** Blank out anything that looks like a bearer token or a credential-bearing key=value pair. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '$1[redacted]');
  return out;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line),
  secrets: readonly (string | undefined)[] = [],
): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string) => {
    if (ORDER[at] < ORDER[level]) return;
    write(`[tidal-mcp] ${at}: ${redact(mapStack(message), secrets)}\n`);
  };
  return {
    debug: (m) => emit('debug', m),
    info: (m) => emit('info', m),
    warn: (m) => emit('warn', m),
    error: (m) => emit('error', m),
  };
}

export const silentLogger: Logger = createLogger('silent');
