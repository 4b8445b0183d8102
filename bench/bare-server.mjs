// The start-up baseline: plain Node answering `initialize` and `tools/list` over stdio with the
// same tool list tidal-mcp sends (read from the file named by argv[2]), and nothing else loaded.
// Whatever tidal-mcp takes beyond this is its own start-up cost. `--version` prints and exits,
// the baseline of `tidal-mcp --version` and `--help`.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

if (process.argv[2] === '--version') {
  process.stderr.write('0.0.0\n');
  process.exit(0);
}
const tools = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const message = JSON.parse(line);
  if (message.id === undefined) return;
  const result =
    message.method === 'initialize'
      ? {
          protocolVersion: message.params.protocolVersion,
          capabilities: { tools: { listChanged: false } },
          serverInfo: { name: 'bare-node', version: '0.0.0' },
        }
      : message.method === 'tools/list'
        ? { tools }
        : {};
  process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id: message.id, result })}\n`);
});
