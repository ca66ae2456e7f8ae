import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc32c, maskedCrc32c } from './crc32c.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

// Reference: bit-at-a-time CRC-32C, straight from the definition.
function slowCrc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('crc32c', () => {
  it('matches the published check value and RFC 3720 vectors', () => {
    expect(crc32c(bytes('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => 31 - i))).toBe(0x113fdb5c);
    expect(crc32c(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the bitwise definition for every length and offset around the 8-byte loop', () => {
    const data = Uint8Array.from({ length: 100 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= data.length; end += 7) {
        const piece = data.subarray(start, end);
        expect(crc32c(piece)).toBe(slowCrc32c(piece));
      }
    }
  });

  it('continues over pieces', () => {
    const all = bytes('The quick brown fox jumps over the lazy dog');
    for (const cut of [0, 1, 5, 8, 20, all.length]) {
      expect(crc32c(all.subarray(cut), crc32c(all.subarray(0, cut)))).toBe(crc32c(all));
    }
  });
});

describe('maskedCrc32c', () => {
  it('masks as TFRecord does', () => {
    // From the TFRecord example in the notes: length 14 as uint64 LE → c5e5693f (stored LE).
    const len = new Uint8Array([0x0e, 0, 0, 0, 0, 0, 0, 0]);
    expect(maskedCrc32c(len)).toBe(0x3f69e5c5);
    expect(maskCrc32c(0)).toBe(0xa282ead8);
    expect(maskCrc32c(0xffffffff)).toBe((0xffffffff + 0xa282ead8) % 2 ** 32);
  });
});
