// Every hostile input of issue #10 in one list: what it is, how to build it, and the entry point it is aimed at.
// app/api/hostile-inputs.test.ts runs each through that entry point and asserts a clear error naming the file or
// field, a bounded time, and nothing else touched. Every new upload path must be added here (and to that test).
import { buildDeepNestingEpub } from './deep-nesting-epub.ts';
import { buildParagraphBombEpub } from './paragraph-bomb-epub.ts';
import { buildTruncatedMp3 } from './truncated-mp3.ts';
import { buildUtf16Text } from './wrong-charset-text.ts';
import { buildZipBomb } from './zip-bomb.ts';
import { buildZipSlip } from './zip-slip.ts';

/** Where an input goes in: an upload use case (then its ingest job), or a web request. */
export type HostileEntry =
  | 'ebook upload' // setBookEbook + the ingest-ebook job (POST /api/books/:id/ebook)
  | 'audio upload' // addBookAudio + the ingest-audio jobs (POST /api/books/:id/audio)
  | 'json body' // POST /api/projects, read through readJson's cap
  | 'cross-site post' // POST /api/projects from another site's page
  | 'forwarded address' // the sign-in throttle's client address
  | 'redirect target'; // ?next= after sign-in

export type HostileFile = { kind: 'file'; fileName: string; bytes: Uint8Array };
export type HostileRequest = { kind: 'request'; headers: Record<string, string>; body?: BodyInit };
export type HostileValues = { kind: 'values'; values: string[] };
export type HostileInput = HostileFile | HostileRequest | HostileValues;

export type HostileCase = {
  name: string;
  entry: HostileEntry;
  /**
   * What the defence must answer: the error's code (for a file its ingest job refuses: the row's status, 'failed'),
   * the HTTP status of a request, and a pattern the message matches (naming the file or field).
   */
  expect: { code?: string; status?: number; message?: RegExp };
  build(): HostileInput | Promise<HostileInput>;
};

const file = (fileName: string, bytes: Uint8Array): HostileFile => ({ kind: 'file', fileName, bytes });

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'deep EPUB (<div> 2,000,000 deep, 33 KB)',
    entry: 'ebook upload',
    expect: { code: 'failed', message: /^hondo\.epub \(OEBPS\/chapter\.xhtml\): the HTML nests elements more than 1,000 deep/ },
    build: () => file('hondo.epub', buildDeepNestingEpub(2_000_000)),
  },
  {
    name: 'paragraph bomb (400,000 paragraphs)',
    entry: 'ebook upload',
    expect: { code: 'failed', message: /^bomba\.epub \(OEBPS\/chapter\.xhtml\): more than 200,000 paragraphs/ },
    build: () => file('bomba.epub', buildParagraphBombEpub(400_000)),
  },
  {
    name: 'wrong charset (UTF-16 .txt)',
    entry: 'ebook upload',
    expect: { code: 'failed', message: /^cuento\.txt is UTF-16 text: save it as UTF-8/ },
    build: () => file('cuento.txt', buildUtf16Text()),
  },
  {
    name: 'ZIP bomb (12 × 1 MB of silence in 12 KB)',
    entry: 'audio upload',
    expect: { code: 'TOO_LARGE', message: /^librivox_64kb_mp3\.zip unpacks to 12 MB .*ZIP bomb/ },
    build: () => file('librivox_64kb_mp3.zip', buildZipBomb(12, 1024 * 1024)),
  },
  {
    name: 'zip-slip (an entry named ../../../../evil.wav)',
    entry: 'audio upload',
    expect: { code: 'INVALID_INPUT', message: /^capitulos\.zip contains an unsafe entry path .*\.\.\/\.\.\/\.\.\/\.\.\/evil\.wav.*the ZIP was rejected/ },
    build: () => file('capitulos.zip', buildZipSlip()),
  },
  {
    name: 'truncated MP3 (30 % of a 20 s file)',
    entry: 'audio upload',
    expect: { code: 'failed', message: /"cortado\.mp3": only .* decode — the file is truncated or damaged/ },
    build: async () => file('cortado.mp3', await buildTruncatedMp3()),
  },
  {
    name: 'huge JSON body (3 MB, a project name)',
    entry: 'json body',
    expect: { status: 413, code: 'TOO_LARGE' },
    build: () => ({ kind: 'request', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(3 << 20) }) }),
  },
  {
    name: 'CSRF form post (text/plain from another site)',
    entry: 'cross-site post',
    expect: { status: 403, code: 'FORBIDDEN', message: /another site \(http:\/\/localhost:4000\)/ },
    build: () => ({
      kind: 'request',
      headers: { origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'content-type': 'text/plain' },
      body: '{"name":"csrf"}',
    }),
  },
  {
    name: 'spoofed X-Forwarded-For (no trusted proxy)',
    entry: 'forwarded address',
    expect: {},
    build: () => ({ kind: 'request', headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' } }),
  },
  {
    name: 'redirect tricks (?next= to another site)',
    entry: 'redirect target',
    expect: {},
    build: () => ({ kind: 'values', values: ['//evil.example/', 'https://evil.example/', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', ' //evil.example'] }),
  },
];
