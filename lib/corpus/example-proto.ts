// tf.train.Example in protobuf wire format, by hand (tensorflow/core/example/{example,feature}.proto):
//   Example  { Features features = 1; }
//   Features { map<string, Feature> feature = 1; }   // map entry: { string key = 1; Feature value = 2; }
//   Feature  { oneof kind { BytesList bytes_list = 1; FloatList float_list = 2; Int64List int64_list = 3; } }
//   BytesList { repeated bytes value = 1; }  FloatList { repeated float value = 1 [packed]; }
//   Int64List { repeated int64 value = 1 [packed]; }
// The encoder writes map entries sorted by key (deterministic bytes), numeric lists packed, int64 as varint
// (negatives as the 10-byte two's complement). The decoder follows the wire-format spec: it accepts packed
// and unpacked numeric lists, fields in any order, repeated map keys (last wins) and skips unknown fields.
import { AppError } from '../errors/app-error.ts';

export type BytesFeature = { kind: 'bytes'; value: readonly Uint8Array[] };
export type FloatFeature = { kind: 'float'; value: ArrayLike<number> };
/** int64 values: safe integers as numbers, anything else as bigint (the decoder returns the same). */
export type Int64Feature = { kind: 'int64'; value: ArrayLike<number | bigint> };
export type Feature = BytesFeature | FloatFeature | Int64Feature;
export type Features = Readonly<Record<string, Feature>>;

/** Only the lengths of byte values matter for sizing; lets a plan size an Example without its audio. */
export type SizedFeature =
  | { kind: 'bytes'; value: readonly { readonly byteLength: number }[] }
  | FloatFeature
  | Int64Feature;

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;
const TAG_1_LEN = (1 << 3) | WIRE_LEN; // 0x0a
const TAG_2_LEN = (2 << 3) | WIRE_LEN; // 0x12
const KIND_FIELD = { bytes: 1, float: 2, int64: 3 } as const;
const utf8 = new TextEncoder();

function varintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function int64Size(v: number | bigint): number {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new AppError('INVALID_INPUT', `int64 feature value ${v} is not a safe integer; pass a bigint.`);
    return v < 0 ? 10 : varintSize(v);
  }
  if (v < -(1n << 63n) || v >= 1n << 63n) throw new AppError('INVALID_INPUT', `int64 feature value ${v} is out of range.`);
  if (v < 0n) return 10;
  let n = 1; // in bigint arithmetic: Number(2n ** 63n - 1n) rounds up to 2 ** 63 = 128 ** 9, one byte longer
  for (let u = v; u >= 0x80n; u >>= 7n) n++;
  return n;
}

/** Size of the BytesList/FloatList/Int64List body, and of its packed payload (numeric lists). */
function listSizes(f: SizedFeature): { list: number; packed: number } {
  if (f.kind === 'bytes') {
    let n = 0;
    for (const b of f.value) n += 1 + varintSize(b.byteLength) + b.byteLength;
    return { list: n, packed: 0 };
  }
  let packed = 0;
  if (f.kind === 'float') packed = f.value.length * 4;
  else for (let i = 0; i < f.value.length; i++) packed += int64Size(f.value[i]!);
  return { list: packed === 0 ? 0 : 1 + varintSize(packed) + packed, packed };
}

type Entry = { key: Uint8Array; feature: SizedFeature; list: number; packed: number; body: number; entry: number };

function layout(features: Readonly<Record<string, SizedFeature>>): { entries: Entry[]; featuresSize: number } {
  // Keys sorted by their UTF-8 bytes, as protobuf's deterministic serialization orders string map keys.
  const keys = Object.keys(features)
    .map((k) => ({ k, key: utf8.encode(k) }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  let featuresSize = 0;
  const entries = keys.map(({ k, key }) => {
    const feature = features[k]!;
    const { list, packed } = listSizes(feature);
    const body = 1 + varintSize(list) + list; // the Feature message
    const entry = 1 + varintSize(key.length) + key.length + 1 + varintSize(body) + body;
    featuresSize += 1 + varintSize(entry) + entry;
    return { key, feature, list, packed, body, entry };
  });
  return { entries, featuresSize };
}

/** Exact serialized size of encodeExample(features), from byte lengths only. */
export function exampleByteLength(features: Readonly<Record<string, SizedFeature>>): number {
  const { featuresSize } = layout(features);
  return 1 + varintSize(featuresSize) + featuresSize;
}

/** Serializes a tf.train.Example (one allocation, exact size). */
export function encodeExample(features: Features): Uint8Array {
  const { entries, featuresSize } = layout(features);
  const out = new Uint8Array(1 + varintSize(featuresSize) + featuresSize);
  const view = new DataView(out.buffer);
  let p = 0;
  const varint = (v: number): void => {
    while (v >= 0x80) {
      out[p++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    out[p++] = v;
  };
  const int64 = (v: number | bigint): void => {
    if (typeof v === 'number' && v >= 0) return varint(v);
    let u = BigInt.asUintN(64, BigInt(v));
    while (u >= 0x80n) {
      out[p++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    out[p++] = Number(u);
  };

  out[p++] = TAG_1_LEN;
  varint(featuresSize);
  for (const e of entries) {
    out[p++] = TAG_1_LEN;
    varint(e.entry);
    out[p++] = TAG_1_LEN;
    varint(e.key.length);
    out.set(e.key, p);
    p += e.key.length;
    out[p++] = TAG_2_LEN;
    varint(e.body);
    out[p++] = (KIND_FIELD[e.feature.kind] << 3) | WIRE_LEN;
    varint(e.list);
    const f = e.feature as Feature;
    if (f.kind === 'bytes') {
      for (const b of f.value) {
        out[p++] = TAG_1_LEN;
        varint(b.length);
        out.set(b, p);
        p += b.length;
      }
    } else if (e.packed > 0) {
      out[p++] = TAG_1_LEN;
      varint(e.packed);
      if (f.kind === 'float') {
        const v = f.value;
        for (let i = 0; i < v.length; i++, p += 4) view.setFloat32(p, v[i]!, true);
      } else {
        const v = f.value;
        for (let i = 0; i < v.length; i++) int64(v[i]!);
      }
    }
  }
  if (p !== out.length) throw new Error(`encodeExample: wrote ${p} of ${out.length} bytes`);
  return out;
}

/** Decoded features: byte values are views into the input (no copies); floats a Float32Array. */
export type DecodedFeatures = Record<string, BytesFeature | { kind: 'float'; value: Float32Array } | { kind: 'int64'; value: (number | bigint)[] }>;

function malformed(why: string, at: number): AppError {
  return new AppError('INVALID_INPUT', `Not a valid tf.train.Example: ${why} at byte ${at}.`, { reason: why, offset: at });
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Parses a serialized tf.train.Example. */
export function decodeExample(bytes: Uint8Array): DecodedFeatures {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;

  // Varint as a number; lengths and tags must fit in 2^53 (they always do for real data).
  const varint = (end: number): number => {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (p >= end) throw malformed('truncated varint', p);
      const b = bytes[p++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (v > Number.MAX_SAFE_INTEGER) throw malformed('length or tag too large', p);
        return v;
      }
      scale *= 128;
    }
    throw malformed('varint longer than 10 bytes', p);
  };
  const int64 = (end: number): number | bigint => {
    const start = p;
    // Fast path: up to 7 bytes (< 2^49) fits a double exactly.
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 7 && p < end; i++) {
      const b = bytes[p++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
    p = start;
    let u = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (p >= end) throw malformed('truncated varint', p);
      const b = bytes[p++]!;
      u |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) {
        const s = BigInt.asIntN(64, u);
        return s >= BigInt(Number.MIN_SAFE_INTEGER) && s <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(s) : s;
      }
      shift += 7n;
    }
    throw malformed('varint longer than 10 bytes', p);
  };
  const lenEnd = (end: number): number => {
    const len = varint(end);
    if (p + len > end) throw malformed('length past the end of its message', p);
    return p + len;
  };
  const skip = (wire: number, end: number): void => {
    if (wire === WIRE_VARINT) varint(end);
    else if (wire === WIRE_I64) p += 8;
    else if (wire === WIRE_LEN) p = lenEnd(end);
    else if (wire === WIRE_I32) p += 4;
    else throw malformed(`unsupported wire type ${wire}`, p);
    if (p > end) throw malformed('truncated field', p);
  };

  const readFeature = (end: number, into: DecodedFeatures[string] | undefined): DecodedFeatures[string] => {
    let f = into;
    while (p < end) {
      const tag = varint(end);
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      if (wire !== WIRE_LEN || field < 1 || field > 3) {
        skip(wire, end);
        continue;
      }
      const listEnd = lenEnd(end);
      // A oneof member seen again merges (repeated values append); a different member replaces it.
      if (field === 1) {
        const values: Uint8Array[] = f?.kind === 'bytes' ? [...f.value] : [];
        while (p < listEnd) {
          const t = varint(listEnd);
          if (t === TAG_1_LEN) {
            const e = lenEnd(listEnd);
            values.push(bytes.subarray(p, e));
            p = e;
          } else skip(t & 7, listEnd);
        }
        f = { kind: 'bytes', value: values };
      } else if (field === 2) {
        const pieces: Float32Array[] = f?.kind === 'float' ? [f.value] : [];
        while (p < listEnd) {
          const t = varint(listEnd);
          if (t === TAG_1_LEN) {
            const e = lenEnd(listEnd);
            if ((e - p) % 4 !== 0) throw malformed('packed float list length not a multiple of 4', p);
            const piece = new Float32Array((e - p) / 4);
            for (let i = 0; p < e; p += 4) piece[i++] = view.getFloat32(p, true);
            pieces.push(piece);
          } else if (t === ((1 << 3) | WIRE_I32)) {
            if (p + 4 > listEnd) throw malformed('truncated float', p);
            pieces.push(Float32Array.of(view.getFloat32(p, true)));
            p += 4;
          } else skip(t & 7, listEnd);
        }
        const value = new Float32Array(pieces.reduce((n, x) => n + x.length, 0));
        let at = 0;
        for (const x of pieces) {
          value.set(x, at);
          at += x.length;
        }
        f = { kind: 'float', value };
      } else {
        const values: (number | bigint)[] = f?.kind === 'int64' ? f.value : [];
        while (p < listEnd) {
          const t = varint(listEnd);
          if (t === TAG_1_LEN) {
            const e = lenEnd(listEnd);
            while (p < e) values.push(int64(e));
          } else if (t === ((1 << 3) | WIRE_VARINT)) {
            values.push(int64(listEnd));
          } else skip(t & 7, listEnd);
        }
        f = { kind: 'int64', value: values };
      }
    }
    if (!f) throw malformed('feature without a value', p);
    return f;
  };

  const out: DecodedFeatures = {};
  const readEntry = (end: number): void => {
    let key = '';
    let feature: DecodedFeatures[string] | undefined;
    while (p < end) {
      const tag = varint(end);
      if (tag === TAG_1_LEN) {
        const e = lenEnd(end);
        try {
          key = utf8Strict.decode(bytes.subarray(p, e));
        } catch {
          throw malformed('feature name is not UTF-8', p);
        }
        p = e;
      } else if (tag === TAG_2_LEN) {
        const e = lenEnd(end);
        feature = readFeature(e, feature);
      } else skip(tag & 7, end);
    }
    if (!feature) throw malformed(`feature "${key}" without a value`, p);
    out[key] = feature; // a repeated key: the last entry wins, as for protobuf maps
  };

  const end = bytes.length;
  while (p < end) {
    const tag = varint(end);
    if (tag !== TAG_1_LEN) {
      skip(tag & 7, end);
      continue;
    }
    const featuresEnd = lenEnd(end);
    while (p < featuresEnd) {
      const t = varint(featuresEnd);
      if (t === TAG_1_LEN) {
        const e = lenEnd(featuresEnd);
        readEntry(e);
      } else skip(t & 7, featuresEnd);
    }
  }
  return out;
}
