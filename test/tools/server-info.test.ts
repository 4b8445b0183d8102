/** How clients show the server: its implementation info matches the package and the bundle. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeTidal, startFakeTidal } from '../fake-tidal/index.js';
import { type InProcessServer, startInProcess } from '../helpers/in-process.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  homepage: string;
};
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as {
  icon: string;
  homepage: string;
};

describe('server identity', () => {
  let fake: FakeTidal;
  let server: InProcessServer;
  beforeAll(async () => {
    fake = await startFakeTidal();
    server = await startInProcess(fake);
  });
  afterAll(async () => {
    await server.close();
    await fake.close();
  });

  it('has a name, title, version, website and an SVG icon of the bundle icon’s design', () => {
    const info = server.client.getServerVersion() as Record<string, any>;
    expect(info).toMatchObject({
      name: 'tidal-mcp',
      title: 'TIDAL',
      version: pkg.version,
      websiteUrl: pkg.homepage,
    });
    expect(manifest.homepage).toBe(pkg.homepage);
    const [icon] = info.icons as { src: string; mimeType: string }[];
    expect(icon?.mimeType).toBe('image/svg+xml');
    const svg = Buffer.from(
      icon!.src.replace('data:image/svg+xml;base64,', ''),
      'base64',
    ).toString();
    expect(`${svg}\n`).toBe(readFileSync(resolve(ROOT, 'assets', 'icon.svg'), 'utf8'));
    expect(readFileSync(resolve(ROOT, manifest.icon)).subarray(1, 4).toString()).toBe('PNG');
  });

  it('declares the logging capability', () => {
    expect(server.client.getServerCapabilities()?.logging).toEqual({});
  });
});
