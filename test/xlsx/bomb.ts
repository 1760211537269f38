/**
 * Hostile packages built in code: a minimal zip writer (local headers, central directory, end record)
 * and entries deflated by zlib in 1 MB blocks, so a 500 MB entry is never held whole in memory.
 */
import * as zlib from "node:zlib";

export type Part = { name: string; data: Buffer; size: number; crc: number };

export function deflated(name: string, text: string): Part {
  const raw = Buffer.from(text, "utf8");
  return { name, data: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) };
}

/** `chunk` repeated `times` times between `head` and `tail`, deflated as one stream, never whole in memory. */
export async function deflatedRepeat(name: string, head: string, chunk: string, times: number, tail: string): Promise<Part> {
  const d = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  d.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => d.on("end", resolve).on("error", reject));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer): Promise<void> => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!d.write(b)) await new Promise((r) => d.once("drain", r));
  };
  await write(Buffer.from(head));
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
  const per = block.length / Buffer.byteLength(chunk);
  for (let k = 0; k < times; k += per) await write(block);
  await write(Buffer.from(tail));
  d.end();
  await done;
  return { name, data: Buffer.concat(out), size, crc };
}

/** Local headers, data, central directory, end record: a zip any reader opens. */
export function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, p.data);
    central.push(dir, name);
    offset += local.length + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
export const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>';

/** A package whose xl/sharedStrings.xml expands to `mb` MB of one repeated string: a few hundred KB on disk. */
export async function zipBomb(mb = 500): Promise<Buffer> {
  const si = "<si><t>Tổng giá trị sản xuất trên địa bàn huyện theo giá so sánh năm 2010</t></si>";
  const strings = await deflatedRepeat(
    "xl/sharedStrings.xml",
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    si,
    Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(si)),
    "</sst>",
  );
  return zip([deflated("[Content_Types].xml", CONTENT_TYPES), deflated("xl/workbook.xml", WORKBOOK), strings]);
}
