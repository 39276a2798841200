// Draws the Teams app icons with Node built-ins only (zlib for PNG compression): two containers side by side,
// one per service. `tsx adapters/teams/scripts/icons.ts` rewrites appPackage/color.png and outline.png.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG (colour type 6, 8 bits), every row with filter 0. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

/** Inside a rounded rectangle (pixel centres). */
function inside(b: Box, x: number, y: number): boolean {
  const px = x + 0.5;
  const py = y + 0.5;
  if (px < b.x0 || px > b.x1 || py < b.y0 || py > b.y1) return false;
  const cx = Math.min(Math.max(px, b.x0 + b.r), b.x1 - b.r);
  const cy = Math.min(Math.max(py, b.y0 + b.r), b.y1 - b.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= b.r ** 2;
}

function shrink(b: Box, by: number): Box {
  return { x0: b.x0 + by, y0: b.y0 + by, x1: b.x1 - by, y1: b.y1 - by, r: Math.max(0, b.r - by) };
}

/** Two boxes side by side, scaled to a square of `size` pixels. */
function boxes(size: number, margin: number, gap: number): [Box, Box] {
  const w = (size - 2 * margin - gap) / 2;
  const top = size * 0.27;
  const bottom = size * 0.73;
  const r = size * 0.06;
  return [
    { x0: margin, y0: top, x1: margin + w, y1: bottom, r },
    { x0: margin + w + gap, y0: top, x1: size - margin, y1: bottom, r },
  ];
}

/** 192x192, full colour: ECS orange and EKS blue on a dark background. */
export function colorIcon(): Buffer {
  const [left, right] = boxes(192, 30, 16);
  const background: Rgba = [35, 47, 62, 255];
  const ecs: Rgba = [255, 153, 0, 255];
  const eks: Rgba = [77, 163, 255, 255];
  const lid: Rgba = [255, 255, 255, 255];
  return encodePng(192, 192, (x, y) => {
    for (const [box, fill] of [
      [left, ecs],
      [right, eks],
    ] as const) {
      if (!inside(box, x, y)) continue;
      // a white "lid" band marks each box as a container
      return y < box.y0 + 18 && y > box.y0 + 10 ? lid : fill;
    }
    return background;
  });
}

/** 32x32 outline: white strokes on a transparent background, as Teams requires. */
export function outlineIcon(): Buffer {
  const [left, right] = boxes(32, 3, 4);
  const white: Rgba = [255, 255, 255, 255];
  const clear: Rgba = [0, 0, 0, 0];
  return encodePng(32, 32, (x, y) => {
    for (const box of [left, right]) {
      if (inside(box, x, y) && !inside(shrink(box, 2), x, y)) return white;
    }
    return clear;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log(`wrote ${join(dir, 'color.png')} (192x192) and ${join(dir, 'outline.png')} (32x32)`);
}
