// The examples of an export, from the database only (no audio is read): which paragraphs (or, with unit
// 'sentence', which of their sentences) pass the filters, their exact sample ranges (cut like cutSamples,
// padding clamped to the neighbours), targets, and the split of each. Shared by the preview and the export
// itself, so both always agree. The status filter picks paragraphs; the other filters judge each example.
// Headings (Fragment.kind) are left out unless settings.includeHeadings, counted in excluded.heading; they
// still bound their neighbours' padding.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import { assignSplits, SPLITS, type Split } from '../corpus/split-corpus.ts';
import { loadSplitRegistry } from './split-registry.ts';
import { buildVocab, textToTargets } from '../corpus/vocab.ts';
import { TRANSCRIPT_ALPHABET } from '../text/normalise-spanish.ts';
import type { ExportSettings } from './export-settings.ts';
import { exampleSpans } from './example-spans.ts';
import { isHeading } from '../chapter-alignment/fragment-kind.ts';

export const EXPORT_SAMPLE_RATE = 16_000;

export type ExampleMeta = {
  /** The fragment id (`<fragmentId>.s<k>` for a sentence): stable across exports, leads back to review. */
  id: string;
  /** The paragraph it comes from. */
  fragmentId: string;
  /** LibriSpeech utterance number within the chapter (example-spans.ts). */
  utterance: number;
  split: Split;
  bookId: string;
  chapterId: string;
  /** Chapter's index in the export order (chapters are processed one after the other). */
  chapterIndex: number;
  position: number;
  speakerId: string;
  /** The chapter's 16 kHz mono WAV (storage key). */
  pcmKey: string;
  begin: number;
  end: number;
  /** Padding limits in seconds (the neighbouring fragments' spans); undefined when none. */
  limits: { begin?: number; end?: number };
  /** Sample range [start, stop) of the chapter's WAV. */
  start: number;
  stop: number;
  text: string;
  textOriginal: string;
  targets: number[];
  confidence: number;
  status: string;
};

export type ExcludedCounts = Record<'status' | 'heading' | 'untimed' | 'duration' | 'charsPerSec' | 'confidence' | 'text' | 'noAudio', number>;

export type Selection = {
  vocab: string[];
  examples: ExampleMeta[];
  /** Chapters in export order (those with at least one example). */
  chapters: { id: string; bookId: string; position: number; title: string | null; pcmKey: string; speakerId: string }[];
  books: { id: string; title: string; speakerId: string }[];
  excluded: ExcludedCounts;
  /** The split of each group key. */
  groups: Map<string, Split>;
};

/** Book.speakerId, or one pseudo-speaker per book when the reader is unknown. */
export function speakerOf(book: { id: string; speakerId: string | null }): string {
  return book.speakerId?.trim() || `book-${book.id}`;
}

/** The sample range cutSamples cuts for these options (same rounding and clamping). */
export function sampleRange(
  begin: number,
  end: number,
  padMs: number,
  limits: { begin?: number; end?: number },
  totalSamples: number,
  sr = EXPORT_SAMPLE_RATE,
): { start: number; stop: number } {
  const at = (sec: number) => Math.round(sec * sr);
  const start0 = at(begin);
  const end0 = at(end);
  const pad = at(padMs / 1000);
  const lo = limits.begin !== undefined ? at(limits.begin) : 0;
  const hi = limits.end !== undefined ? at(limits.end) : totalSamples;
  return {
    start: Math.max(0, Math.min(start0, Math.max(start0 - pad, lo))),
    stop: Math.min(totalSamples, Math.max(end0, Math.min(end0 + pad, hi))),
  };
}

export async function selectExamples(settings: ExportSettings): Promise<Selection> {
  const db = getDb();
  const project = await db.project.findUnique({ where: { id: settings.projectId } });
  if (!project) throw new AppError('NOT_FOUND', `Project ${settings.projectId} does not exist.`);
  const books = await db.book.findMany({
    where: { projectId: project.id, ...(settings.bookIds ? { id: { in: settings.bookIds } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, speakerId: true },
  });
  if (settings.bookIds && books.length !== new Set(settings.bookIds).size) {
    throw new AppError('NOT_FOUND', 'Some of the selected books are not in this project; reload the page and pick again.');
  }
  const vocab = buildVocab(TRANSCRIPT_ALPHABET);
  const f = settings.filters;
  const statuses = new Set<string>(f.statuses);
  const excluded: ExcludedCounts = { status: 0, heading: 0, untimed: 0, duration: 0, charsPerSec: 0, confidence: 0, text: 0, noAudio: 0 };
  const examples: Omit<ExampleMeta, 'split'>[] = [];
  const chapters: Selection['chapters'] = [];

  for (const book of books) {
    const speakerId = speakerOf(book);
    const rows = await db.chapter.findMany({
      where: { bookId: book.id },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        position: true,
        title: true,
        audioFile: { select: { status: true, pcmKey: true, pcmSamples: true, durationSec: true } },
        fragments: {
          orderBy: { position: 'asc' },
          select: { id: true, position: true, kind: true, begin: true, end: true, text: true, normText: true, status: true, confidence: true, sentences: true },
        },
      },
    });
    for (const ch of rows) {
      const audio = ch.audioFile;
      const timed = ch.fragments.filter((x) => x.begin !== null && x.end !== null && x.end > x.begin);
      const spans = exampleSpans(
        timed.map((x) => ({ ...x, begin: x.begin!, end: x.end! })),
        settings.unit,
      );
      const chapterIndex = chapters.length;
      let used = false;
      const noAudio = new Set<number>();
      for (const span of spans) {
        const fr = timed[span.fragmentIndex]!;
        if (!statuses.has(fr.status)) continue;
        if (!settings.includeHeadings && isHeading(fr)) continue;
        if (!audio || audio.status !== 'ready' || !audio.pcmKey) {
          // counted once per paragraph
          if (!noAudio.has(span.fragmentIndex)) excluded.noAudio++;
          noAudio.add(span.fragmentIndex);
          continue;
        }
        const { begin, end, text } = span;
        const dur = end - begin;
        if (dur < f.minDuration || dur > f.maxDuration) {
          excluded.duration++;
          continue;
        }
        if (f.maxCharsPerSec !== undefined && [...text].length / dur > f.maxCharsPerSec) {
          excluded.charsPerSec++;
          continue;
        }
        // a sentence is judged by its own confidence when it has one, else by its paragraph's
        const confidence = span.confidence ?? fr.confidence;
        if (f.minConfidence !== undefined && (confidence === null || confidence < f.minConfidence)) {
          excluded.confidence++;
          continue;
        }
        let targets: number[];
        try {
          if (!text || /[\r\n\t]/.test(text)) throw new Error('empty');
          targets = textToTargets(text, vocab);
        } catch {
          excluded.text++;
          continue;
        }
        const total = audio.pcmSamples ?? Math.round((audio.durationSec ?? 0) * EXPORT_SAMPLE_RATE);
        const { start, stop } = sampleRange(begin, end, settings.padMs, span.limits, total);
        if (stop <= start) {
          excluded.noAudio++;
          continue;
        }
        examples.push({
          id: span.id,
          fragmentId: fr.id,
          utterance: span.utterance,
          bookId: book.id,
          chapterId: ch.id,
          chapterIndex,
          position: fr.position,
          speakerId,
          pcmKey: audio.pcmKey,
          begin,
          end,
          limits: span.limits,
          start,
          stop,
          text,
          textOriginal: span.textOriginal,
          targets,
          confidence: confidence ?? 0,
          status: fr.status,
        });
        used = true;
      }
      // Fragments of other statuses are not counted as "excluded": the status filter is the selection itself.
      excluded.status += ch.fragments.filter((x) => !statuses.has(x.status)).length;
      // A heading of a selected status is counted once, as a heading (timed or not).
      const leftOut = (x: { kind: string }) => !settings.includeHeadings && isHeading(x);
      excluded.heading += ch.fragments.filter((x) => statuses.has(x.status) && leftOut(x)).length;
      excluded.untimed += ch.fragments.filter(
        (x) => statuses.has(x.status) && !leftOut(x) && !(x.begin !== null && x.end !== null && x.end > x.begin),
      ).length;
      if (used) chapters.push({ id: ch.id, bookId: book.id, position: ch.position, title: ch.title, pcmKey: audio!.pcmKey!, speakerId });
    }
  }

  const keyOf = (e: Omit<ExampleMeta, 'split'>): string =>
    settings.group === 'fragment' ? e.fragmentId : settings.group === 'chapter' ? e.chapterId : settings.group === 'book' ? e.bookId : e.speakerId;
  const hours = new Map<string, number>();
  for (const e of examples) {
    const k = keyOf(e);
    hours.set(k, (hours.get(k) ?? 0) + (e.stop - e.start) / EXPORT_SAMPLE_RATE / 3600);
  }
  // balanced by hours; groups of earlier exports keep their split (see split-registry.ts)
  const groups = assignSplits(
    [...hours].map(([key, h]) => ({ key, hours: h })),
    settings.ratios,
    settings.seed,
    { mode: 'balanced', previous: await loadSplitRegistry(settings) },
  );
  return {
    vocab,
    examples: examples.map((e) => ({ ...e, split: groups.get(keyOf(e))! })),
    chapters,
    books: books.map((b) => ({ id: b.id, title: b.title, speakerId: speakerOf(b) })),
    excluded,
    groups,
  };
}

export type SplitStats = { examples: number; hours: number; speakers: number; seconds: number };

/** Per split: examples, hours (of the padded audio), distinct speakers. */
export function splitStats(examples: readonly Pick<ExampleMeta, 'split' | 'start' | 'stop' | 'speakerId'>[]): Record<Split, SplitStats> {
  const out = {} as Record<Split, SplitStats>;
  for (const s of SPLITS) {
    const xs = examples.filter((e) => e.split === s);
    const seconds = xs.reduce((a, e) => a + (e.stop - e.start) / EXPORT_SAMPLE_RATE, 0);
    out[s] = {
      examples: xs.length,
      seconds: Math.round(seconds * 1000) / 1000,
      hours: Math.round((seconds / 3600) * 1e4) / 1e4,
      speakers: new Set(xs.map((e) => e.speakerId)).size,
    };
  }
  return out;
}
