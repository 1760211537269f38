/**
 * A minimal OLE compound file (CFB v3, 512-byte sectors) written in code, as Excel writes a
 * password-protected .xlsx (streams EncryptionInfo and EncryptedPackage) or an old .xls (a Workbook
 * stream). Header, one FAT sector, one directory sector, then each stream padded to whole sectors
 * (at least 4096 bytes, so no mini stream is needed). The `cfb` package is not installed; this is
 * the part of the format a reader needs to list the streams.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

function dirEntry(name: string, type: 0 | 2 | 5, child: number, right: number, start: number, size: number): Buffer {
  const e = Buffer.alloc(128);
  e.write(name, 0, "utf16le");
  e.writeUInt16LE(name ? (name.length + 1) * 2 : 0, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67);
  e.writeUInt32LE(FREE, 68);
  e.writeUInt32LE(right, 72);
  e.writeUInt32LE(child, 76);
  e.writeUInt32LE(start, 116);
  e.writeUInt32LE(size, 120);
  return e;
}

/** A compound file holding `streams` (at most three), in this order as siblings under the root. */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const b = Buffer.alloc(size);
    s.data.copy(b);
    return { name: s.name, data: b, size: Math.max(4096, s.data.length) };
  });
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  let next = 2;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(next);
    const n = s.data.length / SECTOR;
    for (let k = 0; k < n; k++) fat.writeUInt32LE(k === n - 1 ? END : next + k + 1, (next + k) * 4);
    next += n;
  }
  const dir = Buffer.concat([
    dirEntry("Root Entry", 5, padded.length ? 1 : FREE, FREE, END, 0),
    ...padded.map((s, i) => dirEntry(s.name, 2, FREE, i + 1 < padded.length ? i + 2 : FREE, starts[i], s.size)),
    ...Array.from({ length: 3 - padded.length }, () => dirEntry("", 0, FREE, FREE, 0, 0)),
  ]);
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END, 60);
  header.writeUInt32LE(END, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76);
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/** A password-protected .xlsx as Excel writes it: agile EncryptionInfo (version 4.4) and the encrypted package. */
export function encryptedXlsx(): Buffer {
  const info = Buffer.concat([
    Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'),
  ]);
  const pkg = Buffer.alloc(6000);
  for (let i = 0; i < pkg.length; i++) pkg[i] = (i * 131 + 7) & 0xff;
  return compoundFile([{ name: "EncryptionInfo", data: info }, { name: "EncryptedPackage", data: pkg }]);
}

/** An old binary .xls: a compound file with a Workbook stream. */
export function oldXls(): Buffer {
  return compoundFile([{ name: "Workbook", data: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) }]);
}
