/** Windows-1258 encoder for tests: precomposed letters where the code page has them, else base + combining mark. */
export function encode1258(text: string): Uint8Array {
  const dec = new TextDecoder("windows-1258");
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  const put = (c: string): void => {
    const b = table.get(c);
    if (b === undefined) throw new Error(`cannot encode ${c}`);
    out.push(b);
  };
  for (const ch of text.normalize("NFC")) {
    if (table.has(ch)) {
      put(ch);
      continue;
    }
    // Not in the code page: a base letter the code page has (â, ơ, ...) plus its tone mark.
    const [base, ...marks] = [...ch.normalize("NFD")];
    const i = marks.findIndex((m) => table.has((base + m).normalize("NFC")));
    if (i < 0) {
      put(base);
      marks.forEach(put);
    } else {
      put((base + marks[i]).normalize("NFC"));
      marks.filter((_, j) => j !== i).forEach(put);
    }
  }
  return new Uint8Array(out);
}
