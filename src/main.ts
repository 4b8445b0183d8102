/**
 * CLI dispatch: `tidal-mcp` (stdio), `--http`, `login`, `logout`, `status`. No logic of its own.
 * Each command imports what it uses when it runs, so serving over stdio never loads the HTTP
 * transport, the login flow or the account commands (and the keychain binding is loaded only by
 * the first use of a keychain token store), and --help and --version load nothing but the config.
 */
import { type Config, ConfigError, loadConfig } from './config.js';
import { userMessage } from './errors.js';
import { mapStack } from './stack-trace.js';
import { packageVersion } from './version.js';

const HELP = `tidal-mcp ${packageVersion()} — MCP server for TIDAL

Usage:
  tidal-mcp                 serve MCP over stdio (what MCP clients launch)
  tidal-mcp --http [--port N] [--host H]
                            serve MCP over Streamable HTTP at http://H:N/mcp
                            (default 127.0.0.1:8787; port 0 picks a free port)
  tidal-mcp --read-only     (with either) offer no tool that changes anything on TIDAL
  tidal-mcp login [--no-browser]
                            log in to TIDAL (for your library and playlists); tokens go to the
                            OS keychain (from a chat client: the account tool)
  tidal-mcp status          who is logged in, scopes and expiry (never a token)
  tidal-mcp logout          remove the stored login
  tidal-mcp --help          this text
  tidal-mcp --version       print the version

Configuration is read from environment variables; see the README.`;

const print = (line: string) => void process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`tidal-mcp: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  switch (config.command) {
    case 'help':
      process.stderr.write(`${HELP}\n`);
      return 0;
    case 'version':
      process.stderr.write(`${packageVersion()}\n`);
      return 0;
    case 'serve':
      return serve(config);
    case 'login':
      return (await import('./commands.js')).runLogin(config, print);
    case 'status':
      return (await import('./commands.js')).runStatus(config, print);
    case 'logout':
      return (await import('./commands.js')).runLogout(config, print);
  }
}

async function serve(config: Config): Promise<number> {
  const loadApp = async () => (await import('./app.js')).createApp(config);
  if (config.transport === 'http') {
    const { assertSafeBinding, runHttp } = await import('./transports/http.js');
    try {
      assertSafeBinding(config.http);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`tidal-mcp: ${error.message}\n`);
      return 2;
    }
    await runHttp(await loadApp());
    return 0;
  }
  const { runStdio } = await import('./transports/stdio.js');
  await runStdio(config, loadApp);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A user-facing error (e.g. the HTTP port is taken) is said plainly; a bug gets its stack.
    const message = userMessage(error, (e) =>
      process.stderr.write(`${e instanceof Error ? mapStack(e.stack ?? e.message) : String(e)}\n`),
    );
    process.stderr.write(`tidal-mcp: fatal: ${message}\n`);
    process.exitCode = 1;
  },
);
