// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as used by TFRecord framing. Slice-by-8: eight
// 256-entry tables let the loop consume 8 bytes per iteration with table lookups only.
const POLY = 0x82f63b78;

const TABLES: Uint32Array = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/**
 * CRC-32C of `data`. Pass the previous result as `crc` to continue over a following piece:
 * `crc32c(b, crc32c(a)) === crc32c(a ++ b)`.
 */
export function crc32c(data: Uint8Array, crc = 0): number {
  const t = TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n = data.length;
  const fast = n - (n % 8);
  while (i < fast) {
    const lo = (c ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    c =
      t[1792 + (lo & 0xff)]! ^
      t[1536 + ((lo >>> 8) & 0xff)]! ^
      t[1280 + ((lo >>> 16) & 0xff)]! ^
      t[1024 + (lo >>> 24)]! ^
      t[768 + data[i + 4]!]! ^
      t[512 + data[i + 5]!]! ^
      t[256 + data[i + 6]!]! ^
      t[data[i + 7]!]!;
    i += 8;
  }
  while (i < n) c = t[(c ^ data[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** TFRecord's masked CRC: rotate right by 15 bits, add a constant (mod 2^32), so CRCs of CRCs stay strong. */
export function maskCrc32c(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** maskCrc32c(crc32c(data)): the value TFRecord stores after the length and after the data. */
export function maskedCrc32c(data: Uint8Array): number {
  return maskCrc32c(crc32c(data));
}
