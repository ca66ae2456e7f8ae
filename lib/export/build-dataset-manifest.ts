// dataset.json, the export's manifest: where it comes from, its settings and split, the features of a record,
// each format's layout and every shard. Pure: built from the selection, the plan and the shards written.
import { SPEECH_FEATURE_SPEC, T2T_FEATURE_SPEC } from '../corpus/speech-example.ts';
import { SPLITS, type Split } from '../corpus/split-corpus.ts';
import { T2T_EOS, T2T_ID_OFFSET, T2T_PAD, T2T_PROBLEM } from './example-fields.ts';
import type { ExportSettings } from './export-settings.ts';
import type { ExportPlan } from './plan-export.ts';
import { EXPORT_SAMPLE_RATE, type Selection, type SplitStats } from './select-examples.ts';
import type { ShardInfo } from './write-export-files.ts';

export const DATASET_SCHEMA_VERSION = 1;

export type DatasetManifestInput = {
  project: { id: string; name: string };
  settings: ExportSettings;
  selection: Pick<Selection, 'books' | 'chapters' | 'groups' | 'excluded' | 'vocab'>;
  plan: Pick<ExportPlan, 'examples' | 'speakerNo' | 'chapterNo'>;
  stats: Record<Split, SplitStats>;
  shards: ShardInfo[];
  createdAt: Date;
};

export function buildDatasetManifest({ project, settings, selection: sel, plan, stats, shards, createdAt }: DatasetManifestInput) {
  const formats = new Set(settings.formats);
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    createdAt: createdAt.toISOString(),
    generator: 'alinea',
    source: { projectId: project.id, projectName: project.name, books: sel.books },
    settings,
    /** What one example is: a paragraph, or one sentence of a paragraph (id <fragmentId>.s<k>). */
    unit: settings.unit,
    split: {
      ratios: settings.ratios,
      group: settings.group,
      seed: settings.seed,
      mode: 'balanced by hours; groups of earlier exports of the project keep their split',
      groups: Object.fromEntries([...sel.groups].sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    splits: stats,
    excluded: sel.excluded,
    sampleRate: EXPORT_SAMPLE_RATE,
    vocab: { file: 'vocab.txt', size: sel.vocab.length, blank: 0, space: '<space>' },
    features: Object.fromEntries(
      Object.entries(SPEECH_FEATURE_SPEC).map(([k, type]) => [k, { type, shape: k === 'targets' ? 'varlen' : 'scalar' }]),
    ),
    tfrecord: formats.has('tfrecord') ? { dir: 'tfrecord', compression: settings.gzip ? 'GZIP' : null } : null,
    t2t: settings.t2t
      ? {
          dir: 'tfrecord-t2t',
          problem: T2T_PROBLEM,
          features: Object.fromEntries(
            Object.entries(T2T_FEATURE_SPEC).map(([k, type]) => [k, { type, shape: k === 'waveform_lens' ? 'scalar' : 'varlen' }]),
          ),
          targets: `vocab.txt id + ${T2T_ID_OFFSET}, then EOS: ${T2T_PAD} = PAD and ${T2T_EOS} = EOS are reserved (tensor2tensor text encoder convention)`,
          waveforms: 'int16 sample / 32767',
        }
      : null,
    librispeech: formats.has('librispeech')
      ? {
          dir: 'librispeech',
          speakers: Object.fromEntries(plan.speakerNo),
          chapters: Object.fromEntries(
            sel.chapters.map((c) => [c.id, { id: plan.chapterNo.get(c.id)!, bookId: c.bookId, position: c.position, title: c.title, speaker: plan.speakerNo.get(c.speakerId)! }]),
          ),
          utterance: settings.unit === 'sentence' ? 'sentence number within its chapter (over its aligned paragraphs)' : 'fragment position within its chapter',
          files: plan.examples.length,
        }
      : null,
    manifests: formats.has('jsonl') ? Object.fromEntries(SPLITS.map((s) => [s, `manifests/${s}.jsonl`])) : null,
    shards,
  };
}

export type DatasetManifest = ReturnType<typeof buildDatasetManifest>;
