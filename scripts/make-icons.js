#!/usr/bin/env node
// Draws the add-in icons (a green rounded square with a white rising bar chart) and writes them as
// PNG files with nothing but zlib and a CRC32, so the icons can be regenerated offline and reviewed
// as code. Usage: node scripts/make-icons.js [outDir]   (default: assets/)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];
const GREEN = [0x1e, 0x7b, 0x45]; // close to Excel's green, dark enough for white to read on it
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes straight RGBA pixels (width*height*4 bytes) as a PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0; // filter: none
    rgba.copy(raw, y * (1 + width * 4) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// The drawing in unit coordinates (0..1, y down). At 16 and 32 px the bars sit on whole pixels so
// their edges stay sharp; larger sizes use the same proportions, smoothed.
function shapes(size) {
  if (size === 16) {
    const u = (n) => n / 16;
    return { margin: 0, radius: u(3), bars: [[u(3), u(10)], [u(7), u(7)], [u(11), u(4)]], barWidth: u(3), base: u(13) };
  }
  const u = (n) => n / 32;
  return { margin: u(1), radius: u(5.5), bars: [[u(6), u(19)], [u(13), u(13)], [u(20), u(7)]], barWidth: u(6), base: u(25) };
}

function insideRoundedSquare(x, y, m, r) {
  const lo = m + r;
  const hi = 1 - m - r;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return x >= m && x <= 1 - m && y >= m && y <= 1 - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideBar(x, y, s) {
  return s.bars.some(([left, top]) => x >= left && x <= left + s.barWidth && y >= top && y <= s.base);
}

/** Renders one size with 4x4 supersampling, so the edges are smooth but the output deterministic. */
function drawIcon(size) {
  const s = shapes(size);
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!insideRoundedSquare(x, y, s.margin, s.radius)) continue;
          cover++;
          if (insideBar(x, y, s)) white++;
        }
      }
      const i = (py * size + px) * 4;
      if (cover === 0) continue;
      const t = white / cover;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(GREEN[c] * (1 - t) + WHITE[c] * t);
      rgba[i + 3] = Math.round((255 * cover) / (ss * ss));
    }
  }
  return encodePng(size, size, rgba);
}

function main(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`${path.relative(process.cwd(), file)}  ${size}x${size}`);
  }
}

if (require.main === module) main(path.resolve(process.argv[2] || path.join(__dirname, "..", "assets")));

module.exports = { drawIcon, encodePng, crc32, SIZES };
