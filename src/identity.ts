/**
 * How clients show this server: name, title, version, website and icon (MCP Implementation info;
 * the same icon ships in the Claude Desktop bundle as assets/icon.png). The SVG is inlined so the
 * server reads no file to say who it is; scripts/make-icon.mjs draws both from one design.
 */
import { packageVersion } from './version.js';

export const WEBSITE_URL = 'https://www.npmjs.com/package/tidal-mcp';

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256"><rect width="256" height="256" rx="48" fill="#111"/>' +
  '<rect x="48" y="136" width="24" height="64" rx="8" fill="#33ffee"/><rect x="84" y="80" width="24" height="120" rx="8" fill="#33ffee"/>' +
  '<rect x="120" y="48" width="24" height="152" rx="8" fill="#33ffee"/><rect x="156" y="104" width="24" height="96" rx="8" fill="#33ffee"/>' +
  '<rect x="192" y="64" width="24" height="136" rx="8" fill="#33ffee"/></svg>';

export function serverIdentity() {
  return {
    name: 'tidal-mcp',
    title: 'TIDAL',
    version: packageVersion(),
    websiteUrl: WEBSITE_URL,
    icons: [
      {
        src: `data:image/svg+xml;base64,${Buffer.from(ICON_SVG).toString('base64')}`,
        mimeType: 'image/svg+xml',
        sizes: ['any'],
      },
    ],
  };
}
