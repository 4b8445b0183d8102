#!/usr/bin/env node
/** CLI entry: `tidal-mcp` (stdio), `--http`, `login`, `logout`, `status`. No logic of its own. */
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { assertSafeBinding, runHttp } from './transports/http.js';
import { runStdio } from './transports/stdio.js';
import { packageVersion } from './version.js';

const HELP = `tidal-mcp ${packageVersion()} — MCP server for TIDAL

Usage:
  tidal-mcp                 serve MCP over stdio (what MCP clients launch)
  tidal-mcp --http [--port N] [--host H]
                            serve MCP over Streamable HTTP at http://H:N/mcp
                            (default 127.0.0.1:8787; port 0 picks a free port)
  tidal-mcp --help          this text
  tidal-mcp --version       print the version

Configuration is read from environment variables; see the README.`;

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
    default:
      process.stderr.write(`tidal-mcp: "${config.command}" is not available yet\n`);
      return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `tidal-mcp: fatal: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
