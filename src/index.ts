#!/usr/bin/env node
/** CLI entry: `tidal-mcp` (stdio), `--http`, `login`, `logout`, `status`. No logic of its own. */
import { createApp } from './app.js';
import { runLogin, runLogout, runStatus } from './commands.js';
import { ConfigError, loadConfig } from './config.js';
import { userMessage } from './errors.js';
import { assertSafeBinding, runHttp } from './transports/http.js';
import { runStdio } from './transports/stdio.js';
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
  let config;
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
    case 'serve': {
      if (config.transport === 'http') {
        try {
          assertSafeBinding(config.http);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          process.stderr.write(`tidal-mcp: ${error.message}\n`);
          return 2;
        }
        await runHttp(createApp(config));
        return 0;
      }
      await runStdio(createApp(config));
      return 0;
    }
    case 'login':
      return runLogin(config, print);
    case 'status':
      return runStatus(config, print);
    case 'logout':
      return runLogout(config, print);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A user-facing error (e.g. the HTTP port is taken) is said plainly; a bug gets its stack.
    const message = userMessage(error, (e) =>
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`),
    );
    process.stderr.write(`tidal-mcp: fatal: ${message}\n`);
    process.exitCode = 1;
  },
);
