#!/usr/bin/env node
/**
 * Draws the project icon (an equalizer: five bars on a dark tile) as assets/icon.svg and a
 * 512×512 assets/icon.png (the size Claude Desktop recommends) for the Claude Desktop bundle. Run once after changing the design;
 * both files are committed. No dependencies: the PNG is written with node:zlib.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
/** The PNG is drawn at twice the SVG's grid. */
const SCALE = 2;
const BACKGROUND = [17, 17, 17];
const BAR = [51, 255, 238];
/** x, width, height of each bar on a 256 grid, bottom-aligned at y = 200. */
const BARS = [
  [48, 24, 64],
  [84, 24, 120],
  [120, 24, 152],
  [156, 24, 96],
  [192, 24, 136],
].map(([x, w, h]) => ({ x, w, h, y: 200 - h }));

const svg =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">` +
  `<rect width="${SIZE}" height="${SIZE}" rx="48" fill="#111"/>` +
  BARS.map(
    (b) => `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="#33ffee"/>`,
  ).join('') +
  `</svg>\n`;
writeFileSync(new URL('../assets/icon.svg', import.meta.url), svg);

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = [];
const PIXELS = SIZE * SCALE;
for (let py = 0; py < PIXELS; py++) {
  const row = [0]; // filter: none
  const y = py / SCALE;
  for (let px = 0; px < PIXELS; px++) {
    const x = px / SCALE;
    const onBar = BARS.some((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
    row.push(...(onBar ? BAR : BACKGROUND));
  }
  rows.push(Buffer.from(row));
}
const header = Buffer.alloc(13);
header.writeUInt32BE(PIXELS, 0);
header.writeUInt32BE(PIXELS, 4);
header[8] = 8; // bit depth
header[9] = 2; // truecolour RGB
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows))),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../assets/icon.png', import.meta.url), png);
