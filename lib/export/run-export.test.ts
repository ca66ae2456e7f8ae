import { execFile } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../testing/use-test-env.ts';
import { getDb } from '../db/client.ts';
import { decodeExample } from '../corpus/example-proto.ts';
import { decodeSpeechExample } from '../corpus/speech-example.ts';
import { readTFRecords } from '../corpus/tfrecord-reader.ts';
import { textToTargets } from '../corpus/vocab.ts';
import { parseExportSettings, type ExportSettingsInput } from './export-settings.ts';
import { runExport, type ShardInfo } from './run-export.ts';
import { seedExportCorpus, syntheticSample } from '../testing/seed-export-corpus.ts';
import { selectExamples } from './select-examples.ts';
import { previewExport } from './preview-export.ts';
import { verifyExportDir } from './verify-export-dir.ts';

const run = promisify(execFile);
const SR = 16_000;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

async function records(file: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const r of readTFRecords(file)) out.push(Uint8Array.from(r));
  return out;
}

describe('runExport', () => {
  const env = useTestEnv();
  let corpus: Awaited<ReturnType<typeof seedExportCorpus>>;
  const settingsOf = (extra: Partial<ExportSettingsInput> = {}) =>
    parseExportSettings({ projectId: corpus.projectId, group: 'fragment', t2t: true, padMs: 100, shardMB: 0.15, ...extra });
  const seedOf = new Map<string, number>();

  beforeAll(async () => {
    corpus = await seedExportCorpus({ books: 2, chaptersPerBook: 2 });
    for (const b of corpus.books) for (const c of b.chapters) seedOf.set(c.id, c.seed);
  });

  it('writes the layout; every example reads back with its audio range, texts and targets', async () => {
    const dir = path.join(env.dataDir, 'out-a');
    const settings = settingsOf();
    const fractions: number[] = [];
    const stats = await runExport({ settings, dir, progress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    const db = getDb();
    const approved = await db.fragment.findMany({ where: { status: 'approved', chapter: { book: { projectId: corpus.projectId } } } });
    expect(stats.examples).toBe(approved.length); // all approved fragments are 1.5–3 s
    expect(stats.examples).toBe(16);

    const files = await listFiles(dir);
    expect(files).toContain('dataset.json');
    expect(files).toContain('vocab.txt');
    expect(files.filter((f) => f.startsWith('manifests/'))).toEqual(['manifests/dev.jsonl', 'manifests/test.jsonl', 'manifests/train.jsonl']);
    expect(files.some((f) => f.endsWith('.part') || f.includes('journal'))).toBe(false);
    const ds = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8'));
    expect(ds.schemaVersion).toBe(1);
    expect(ds.source.projectId).toBe(corpus.projectId);
    expect(ds.split).toMatchObject({ group: 'fragment', seed: 1, ratios: { train: 60, dev: 20, test: 20 } });
    expect(ds.features.targets).toEqual({ type: 'int64', shape: 'varlen' });
    const vocab = (await readFile(path.join(dir, 'vocab.txt'), 'utf8')).split('\n').slice(0, -1);
    expect(vocab[0]).toBe('<blank>');

    const byId = new Map(approved.map((f) => [f.id, f]));
    const fragChapter = new Map<string, string>(approved.map((f) => [f.id, f.chapterId]));
    const tfShards = (ds.shards as ShardInfo[]).filter((s) => s.format === 'tfrecord');
    expect(tfShards.length).toBeGreaterThan(3);
    for (const s of tfShards) expect(s.file).toMatch(/^tfrecord\/(train|dev|test)-\d{5}-of-\d{5}\.tfrecord$/);
    let seen = 0;
    const splitOf = new Map<string, string>();
    for (const s of tfShards) {
      const recs = await records(path.join(dir, s.file));
      expect(recs.length).toBe(s.examples);
      for (const r of recs) {
        const ex = decodeSpeechExample(r);
        const f = byId.get(ex.id)!;
        expect(f).toBeDefined();
        splitOf.set(ex.id, s.split);
        // Padding 100 ms: the 0.4 s gaps leave room on both sides, so the range is exactly ±1600 samples.
        const start = Math.round(f.begin! * SR) - 1600;
        const stop = Math.round(f.end! * SR) + 1600;
        expect(ex.numSamples).toBe(stop - start);
        const seed = seedOf.get(fragChapter.get(ex.id)!)!;
        let same = true;
        for (let i = 0; i < ex.samples.length; i++) if (ex.samples[i] !== syntheticSample(seed, start + i)) same = false;
        expect(same).toBe(true);
        expect(ex.text).toBe(f.normText);
        expect(ex.textOriginal).toBe(f.text);
        expect(ex.targets).toEqual(textToTargets(f.normText, vocab));
        expect(ex.reviewStatus).toBe('approved');
        expect(ex.confidence).toBeCloseTo(f.confidence!, 5);
        seen++;
      }
    }
    expect(seen).toBe(16);
    expect(new Set(splitOf.values()).size).toBeGreaterThan(1);

    // tensor2tensor shards: targets shifted by 2 with EOS, waveforms as floats.
    const t2t = (ds.shards as ShardInfo[]).filter((s) => s.format === 't2t');
    expect(t2t[0]!.file).toMatch(/^tfrecord-t2t\/alinea_speech-(train|dev|test)-\d{5}-of-\d{5}$/);
    let t2tSeen = 0;
    for (const s of t2t) {
      for (const r of await records(path.join(dir, s.file))) {
        const f = decodeExample(r);
        const id = new TextDecoder().decode((f.utt_id as unknown as { value: Uint8Array[] }).value[0]);
        const frag = byId.get(id)!;
        const targets = (f.targets as unknown as { value: number[] }).value.map(Number);
        expect(targets).toEqual([...textToTargets(frag.normText, vocab).map((t) => t + 2), 1]);
        const w = (f.waveforms as unknown as { value: Float32Array }).value;
        expect((f.waveform_lens as unknown as { value: number[] }).value[0]).toBe(w.length);
        const start = Math.round(frag.begin! * SR) - 1600;
        expect(w[10]).toBeCloseTo(syntheticSample(seedOf.get(frag.chapterId)!, start + 10) / 32767, 6);
        t2tSeen++;
      }
    }
    expect(t2tSeen).toBe(16);

    // LibriSpeech: layout, transcripts, FLAC decodes (ffmpeg) to the same samples as the TFRecord example.
    const flacs = files.filter((f) => f.endsWith('.flac'));
    expect(flacs.length).toBe(16);
    for (const f of flacs) expect(f).toMatch(/^librispeech\/(train|dev|test)\/(\d+)\/(\d+)\/\2-\3-\d{4}\.flac$/);
    const trans = files.filter((f) => f.endsWith('.trans.txt'));
    const lines = (await Promise.all(trans.map((t) => readFile(path.join(dir, t), 'utf8')))).flatMap((t) => t.split('\n').filter(Boolean));
    expect(lines.length).toBe(16);
    expect(ds.librispeech.speakers).toEqual({ 'lector-1': 1, 'lector-2': 2 });
    const first = await records(path.join(dir, tfShards[0]!.file));
    const ex0 = decodeSpeechExample(first[0]!);
    const m = (await readFile(path.join(dir, `manifests/${tfShards[0]!.split}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const entry = m.find((e) => e.id === ex0.id);
    expect(entry).toMatchObject({ text: ex0.text, speaker_id: ex0.speakerId });
    expect(entry.duration).toBeCloseTo(ex0.numSamples / SR, 6);
    expect(Object.keys(entry)).toEqual(['audio_filepath', 'duration', 'text', 'id', 'speaker_id']);
    const { stdout } = await run('ffmpeg', ['-v', 'error', '-err_detect', 'crccheck', '-i', path.join(dir, entry.audio_filepath), '-f', 's16le', 'pipe:1'], {
      encoding: 'buffer',
      maxBuffer: 1 << 26,
    });
    expect(Buffer.from(stdout).equals(Buffer.from(ex0.samples.buffer))).toBe(true);
    const uttId = path.basename(entry.audio_filepath, '.flac');
    expect(lines).toContain(`${uttId} ${ex0.text}`);

    const report = await verifyExportDir(dir);
    expect(report).toMatchObject({ ok: true, examples: 16, problems: [] });
  });

  it('is deterministic: a second export is byte-identical (but for dataset.json createdAt)', async () => {
    const a = path.join(env.dataDir, 'out-a');
    const b = path.join(env.dataDir, 'out-b');
    await runExport({ settings: settingsOf(), dir: b });
    const fa = await listFiles(a);
    expect(await listFiles(b)).toEqual(fa);
    for (const f of fa) {
      const [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
      if (f === 'dataset.json') {
        const strip = (buf: Buffer) => ({ ...JSON.parse(buf.toString()), createdAt: null });
        expect(strip(y)).toEqual(strip(x));
      } else expect(y.equals(x), f).toBe(true);
    }
  });

  it('refuses to write into a non-empty directory', async () => {
    await expect(runExport({ settings: settingsOf(), dir: path.join(env.dataDir, 'out-a') })).rejects.toThrow(/not empty/);
  });

  it('applies the filters', async () => {
    const sel = async (filters: ExportSettingsInput['filters']) => (await selectExamples(settingsOf({ filters }))).examples;
    expect((await sel({ statuses: ['approved', 'edited'] })).length).toBe(20);
    expect((await sel({ statuses: ['rejected'] })).every((e) => e.status === 'rejected')).toBe(true);
    const short = await sel({ statuses: ['approved'], minDuration: 1, maxDuration: 2.2 });
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((e) => e.end - e.begin <= 2.2)).toBe(true);
    const confident = await sel({ statuses: ['approved'], minDuration: 1, maxDuration: 20, minConfidence: 0.85 });
    expect(confident.every((e) => e.confidence >= 0.85)).toBe(true);
    expect(confident.length).toBe(4); // position 6 (0.92) in each chapter
    const slow = await sel({ statuses: ['approved'], minDuration: 1, maxDuration: 20, maxCharsPerSec: 8 });
    expect(slow.every((e) => [...e.text].length / (e.end - e.begin) <= 8)).toBe(true);
  });

  it('pads into silence but never into a neighbouring fragment (any status)', async () => {
    const settings = settingsOf({ padMs: 1000, formats: ['tfrecord'], t2t: false, filters: { statuses: ['approved'] } });
    const sel = await selectExamples(settings);
    const db = getDb();
    for (const e of sel.examples) {
      const frags = await db.fragment.findMany({ where: { chapterId: e.chapterId }, orderBy: { position: 'asc' } });
      const i = frags.findIndex((f) => f.id === e.id);
      const prev = frags[i - 1];
      const next = frags[i + 1];
      expect(e.start).toBe(prev ? Math.round(prev.end! * SR) : Math.max(0, Math.round((e.begin - 1) * SR)));
      expect(e.stop).toBe(next ? Math.round(next.begin! * SR) : Math.round((e.end + 0.5) * SR)); // 0.5 s of tail audio
    }
    // cutSamples cuts exactly these ranges (runExport checks every cut against the plan).
    const stats = await runExport({ settings, dir: path.join(env.dataDir, 'out-pad') });
    expect(stats.examples).toBe(sel.examples.length);
  });

  it('never lets a group straddle splits', async () => {
    for (const group of ['chapter', 'book', 'speaker'] as const) {
      const sel = await selectExamples(settingsOf({ group, filters: { statuses: ['approved', 'edited', 'auto', 'rejected'] } }));
      const key = (e: (typeof sel.examples)[number]) => (group === 'chapter' ? e.chapterId : group === 'book' ? e.bookId : e.speakerId);
      const splits = new Map<string, Set<string>>();
      for (const e of sel.examples) splits.set(key(e), (splits.get(key(e)) ?? new Set()).add(e.split));
      expect([...splits.values()].every((s) => s.size === 1)).toBe(true);
    }
    const p = await previewExport(settingsOf({ group: 'book' }));
    expect(p.total.examples).toBe(16);
    expect(p.warnings.length).toBeGreaterThan(0); // two books cannot make 60/20/20
  });

  it('resumes after a crash between shards, reusing finished shards (journal + sha256)', async () => {
    const dir = path.join(env.dataDir, 'out-resume');
    const ac = new AbortController();
    const done: ShardInfo[] = [];
    await expect(
      runExport({
        settings: settingsOf(),
        dir,
        signal: ac.signal,
        onShardDone: (s) => {
          done.push(s);
          if (done.length === 2) ac.abort(new Error('simulated crash'));
        },
      }),
    ).rejects.toThrow(/simulated crash/);
    const staging = `${dir}.partial`;
    const journal = (await readFile(path.join(staging, '.journal.jsonl'), 'utf8')).split('\n').filter(Boolean);
    expect(journal.length).toBeGreaterThanOrEqual(3);
    // Two shards, or three when another shard ended on the same example; one of them is tampered below.
    const journaledShards = journal.slice(1).filter((l) => /"unit":"tfrecord/.test(l)).length;
    expect(journaledShards).toBeGreaterThanOrEqual(2);
    const mtimes = await Promise.all(done.map(async (s) => (await stat(path.join(staging, s.file))).mtimeMs));
    // A tampered shard must not be reused.
    const tampered = path.join(staging, done[1]!.file);
    const bytes = await readFile(tampered);
    bytes[bytes.length - 1]! ^= 0xff;
    await writeFile(tampered, bytes);
    // Debris of the crash: a half-written temp file.
    await writeFile(path.join(staging, 'tfrecord', 'junk.tfrecord.123-abc.part'), 'x');

    const stats = await runExport({ settings: settingsOf(), dir });
    expect(stats.reused.shards).toBe(journaledShards - 1);
    expect((await stat(path.join(dir, done[0]!.file))).mtimeMs).toBe(mtimes[0]);
    const clean = path.join(env.dataDir, 'out-a');
    const fa = await listFiles(clean);
    expect(await listFiles(dir)).toEqual(fa);
    for (const f of fa.filter((x) => x !== 'dataset.json')) {
      expect((await readFile(path.join(dir, f))).equals(await readFile(path.join(clean, f))), f).toBe(true);
    }
    expect((await verifyExportDir(dir)).ok).toBe(true);
  });

  it('gzips shards and verify catches a corrupt one', async () => {
    const dir = path.join(env.dataDir, 'out-gz');
    await runExport({ settings: settingsOf({ gzip: true, formats: ['tfrecord'], t2t: false, shardMB: 150 }), dir });
    const files = await listFiles(dir);
    expect(files.filter((f) => f.endsWith('.tfrecord.gz')).length).toBe(3);
    expect(files.some((f) => f.startsWith('librispeech') || f.startsWith('manifests'))).toBe(false);
    expect((await verifyExportDir(dir)).ok).toBe(true);
    const f = path.join(dir, files.find((x) => x.endsWith('.gz'))!);
    const b = await readFile(f);
    b[b.length >> 1]! ^= 0x55;
    await writeFile(f, b);
    const report = await verifyExportDir(dir);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/sha256/);
  });
});
