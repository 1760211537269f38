/**
 * A .zip of files kept as they are (method 0, "stored"): the pane hands the submission books over as one
 * download, and an .xlsx is already deflated, so compressing again would gain nothing. No Node, no
 * Buffer: it runs in the pane's browser as in Node.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** DOS date and time of `d` (zip's own format). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function zipStore(files: readonly { name: string; bytes: Uint8Array }[], when: Date = new Date()): Uint8Array {
  const enc = new TextEncoder();
  const { time, date } = dosTime(when);
  const entries = files.map((f) => ({ name: enc.encode(f.name), bytes: f.bytes, crc: crc32(f.bytes) }));
  const localSize = entries.reduce((s, e) => s + 30 + e.name.length + e.bytes.length, 0);
  const centralSize = entries.reduce((s, e) => s + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  // General purpose flag bit 11: names are UTF-8.
  const header = (sig: number, central: boolean, e: (typeof entries)[number]): void => {
    view.setUint32(p, sig, true);
    p += 4;
    if (central) { view.setUint16(p, 20, true); p += 2; }
    view.setUint16(p, 20, true);
    view.setUint16(p + 2, 0x0800, true);
    view.setUint16(p + 4, 0, true);
    view.setUint16(p + 6, time, true);
    view.setUint16(p + 8, date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.bytes.length, true);
    view.setUint32(p + 18, e.bytes.length, true);
    view.setUint16(p + 22, e.name.length, true);
    view.setUint16(p + 24, 0, true);
    p += 26;
  };
  for (const e of entries) {
    offsets.push(p);
    header(0x04034b50, false, e);
    out.set(e.name, p);
    p += e.name.length;
    out.set(e.bytes, p);
    p += e.bytes.length;
  }
  const central = p;
  entries.forEach((e, i) => {
    header(0x02014b50, true, e);
    view.setUint16(p, 0, true); // comment length
    view.setUint16(p + 2, 0, true); // disk
    view.setUint16(p + 4, 0, true); // internal attributes
    view.setUint32(p + 6, 0, true); // external attributes
    view.setUint32(p + 10, offsets[i], true);
    p += 14;
    out.set(e.name, p);
    p += e.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 4, 0, true);
  view.setUint16(p + 6, 0, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  view.setUint16(p + 20, 0, true);
  return out;
}
