// The Alinea command line. Same database and data directory as the app (DATABASE_URL, ALINEA_DATA_DIR).
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../lib/errors/app-error.ts';
import { parseImportArgs } from './parse-import-args.ts';

type Command = { summary: string; usage: string; run(argv: string[]): Promise<void> };

const COMMANDS: Record<string, Command> = {
  import: {
    summary: 'Create a book from audio files and an ebook, ingest it and accept the proposed split',
    usage: `alinea import --project NAME --audio FILE [--audio FILE …] --text EBOOK [options]

Creates the project if needed, stores and ingests every audio file (or LibriVox ZIP) and the ebook, proposes
the split of the ebook into one part per audio file and accepts it: the book ends with one chapter per audio
file. Runs synchronously in this process; no server needed. Prints a one-line JSON summary on stdout.

Options:
  --project NAME     project name (created when missing)
  --audio FILE …     audio files (mp3, ogg/opus, flac, wav, m4a) or ZIPs: several after one --audio
                     (--audio *.mp3) or --audio repeated
  --text EBOOK       ebook (.txt, .html, .epub)
  --title TITLE      book title (default: the ebook's title, else its file name)
  --author AUTHOR    book author (default: from the ebook)
  --speaker ID       speaker id (e.g. the LibriVox reader id)
  --language CODE    project language for a new project (default spa)
  --no-accept        stop after proposing the split
  --align            also align every chapter now (otherwise the worker aligns them later)
  -h, --help         this help`,
    async run(argv) {
      const values = parseImportArgs(argv);
      if (!values.project || !values.audio?.length || !values.text) {
        throw new UsageError('import needs --project, at least one --audio and --text.');
      }
      const { importBook } = await import('../lib/ingest/import-book.ts');
      const { jobRegistry } = await import('../workers/job-registry.ts');
      const summary = await importBook({
        registry: jobRegistry,
        project: values.project,
        audio: values.audio,
        text: values.text,
        title: values.title,
        author: values.author,
        speakerId: values.speaker,
        language: values.language,
        accept: !values['no-accept'],
        align: values.align,
        log: (m) => process.stderr.write(`${m}\n`),
      });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      if (summary.failedAudio.length || summary.ebookError || summary.failedChapters.length) process.exitCode = 1;
    },
  },
  align: {
    summary: 'Align a text to an audio file and write a sync map (no database)',
    usage: `alinea align AUDIO TEXT --language spa --out FILE [--format json] [--text-type plain] [--sentences]

Aligns each fragment of TEXT to AUDIO (any ffmpeg-readable audio) like aeneas does, and writes the sync map.
Prints a one-line JSON summary on stdout (duration, fragments, head/tail, mean confidence, seconds taken).

Options:
  --language CODE    ISO 639-3 language of the text: spa, eng … (picks the espeak-ng voice)
  --out FILE         sync map to write
  --format FORMAT    json (aeneas), smil, srt, vtt, csv, tsv, aud (Audacity labels), textgrid; default json
  --text-type TYPE   plain (one fragment a line), parsed (id|text), subtitles (blank-line blocks); default plain
  --sentences        also align every fragment sentence by sentence (JSON: the sentences as "children")`,
    async run(argv) {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          language: { type: 'string' },
          out: { type: 'string' },
          format: { type: 'string', default: 'json' },
          'text-type': { type: 'string', default: 'plain' },
          sentences: { type: 'boolean', default: false },
        },
      });
      const [audio, text] = positionals;
      if (!audio || !text || positionals.length !== 2) throw new UsageError('align needs AUDIO and TEXT.');
      if (!values.language) throw new UsageError('align needs --language (e.g. spa).');
      if (!values.out) throw new UsageError('align needs --out FILE.');
      const { SYNCMAP_FORMATS } = await import('../lib/align/syncmap/syncmap-types.ts');
      const { TEXT_INPUT_TYPES } = await import('../lib/align/syncmap/parse-text-input.ts');
      if (!(SYNCMAP_FORMATS as readonly string[]).includes(values.format)) {
        throw new UsageError(`Unknown --format ${values.format}; use one of ${SYNCMAP_FORMATS.join(', ')}.`);
      }
      if (!(TEXT_INPUT_TYPES as readonly string[]).includes(values['text-type'])) {
        throw new UsageError(`Unknown --text-type ${values['text-type']}; use one of ${TEXT_INPUT_TYPES.join(', ')}.`);
      }
      const { alignFiles } = await import('../lib/align/align-files.ts');
      const summary = await alignFiles({
        audio,
        text,
        language: values.language,
        format: values.format as never,
        textType: values['text-type'] as never,
        out: values.out,
        sentences: values.sentences,
      });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    },
  },
  export: {
    summary: 'Export a project\'s reviewed fragments as a training corpus (TFRecord, LibriSpeech, JSONL)',
    usage: `alinea export PROJECT --out DIR [options]

Writes the corpus of PROJECT (name or id) into DIR (created; must not exist or be empty): dataset.json, vocab.txt,
tfrecord/ shards, librispeech/ FLAC folders and manifests/ JSONL. Runs in this process; no server needed. An
interrupted export resumes from DIR.partial when run again with the same settings. Prints a one-line JSON
summary on stdout (examples and hours per split, shards, seconds taken).

Options:
  --out DIR            output directory
  --split T/D/T        train/dev/test ratios (default 60/20/20)
  --group UNIT         fragment, chapter, book or speaker: never split across train/dev/test (default chapter)
  --unit UNIT          paragraph or sentence: one example per paragraph, or per sentence of each selected
                       paragraph (ids <fragment>.s<k>; the duration filters then apply per sentence) (default paragraph)
  --seed N             split seed (default 1)
  --formats LIST       tfrecord,librispeech,jsonl (default all three)
  --status LIST        fragment statuses to export (default approved), e.g. approved,edited
  --include-headings   also export headings ("CAPÍTULO I"; left out by default, counted in the summary)
  --min-duration S     shortest example in seconds (default 1)
  --max-duration S     longest example in seconds (default 20)
  --shard-mb MB        target shard size (default 150)
  --pad-ms MS          silence margin around each utterance (default 0)
  --gzip               GZIP the TFRecord shards
  --t2t                also write tensor2tensor shards (tfrecord-t2t/)`,
    async run(argv) {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          split: { type: 'string' },
          group: { type: 'string' },
          unit: { type: 'string' },
          seed: { type: 'string' },
          formats: { type: 'string' },
          status: { type: 'string' },
          'min-duration': { type: 'string' },
          'max-duration': { type: 'string' },
          'shard-mb': { type: 'string' },
          'pad-ms': { type: 'string' },
          gzip: { type: 'boolean' },
          t2t: { type: 'boolean' },
          'include-headings': { type: 'boolean' },
        },
      });
      const [project] = positionals;
      if (!project || positionals.length !== 1) throw new UsageError('export needs PROJECT (its name or id).');
      if (!values.out) throw new UsageError('export needs --out DIR.');
      const { exportProjectCli } = await import('../lib/export/export-project-cli.ts');
      const summary = await exportProjectCli({
        project,
        out: values.out,
        split: values.split,
        group: values.group,
        unit: values.unit,
        seed: values.seed,
        formats: values.formats,
        status: values.status,
        minDuration: values['min-duration'],
        maxDuration: values['max-duration'],
        shardMB: values['shard-mb'],
        padMs: values['pad-ms'],
        gzip: values.gzip,
        t2t: values.t2t,
        includeHeadings: values['include-headings'],
        log: (m) => process.stderr.write(`${m}\n`),
      });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    },
  },
  train: {
    summary: 'Train a CTC speech model on an export directory (TensorFlow.js, no database)',
    usage: `alinea train EXPORT_DIR [--steps N] [--backend auto|webgpu|tensorflow|wasm|cpu] [--batch N] [--lr X] [--out DIR] [--resume]

Trains the small CTC acoustic model (conv subsampling + Transformer encoder) on the train split of EXPORT_DIR (an
export with the tfrecord format: vocab.txt, tfrecord/), evaluating greedy CER/WER on its dev split at every
checkpoint. Runs in this process; no server or database needed. Progress goes to stderr; a one-line JSON summary
(backend, steps, final loss, dev CER, utterances/s, checkpoint path) to stdout.

Options:
  --steps N            optimizer steps (default 1000; a resumed run counts the steps already done)
  --backend NAME       auto (WebGPU on a real GPU, then tfjs-node when installed, then wasm), webgpu, tensorflow,
                       wasm or cpu (default auto)
  --batch N            utterances per batch (default 16)
  --lr X               peak learning rate (default 0.001)
  --model SIZE         tiny, small or base (default base: 4 layers, d=144)
  --out DIR            run directory; checkpoints go to DIR/checkpoints (default EXPORT_DIR-model)
  --resume             continue from the newest checkpoint in DIR/checkpoints
  --checkpoint-every N checkpoint (and dev evaluation) every N steps (default steps/20, at most 500)
  --eval-every N       dev evaluation every N steps (default: with each checkpoint)
  --seed N             data order and initialisation seed (default 1)
  --test               also decode the test split at the end (testCer in the summary)`,
    async run(argv) {
      const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          steps: { type: 'string' },
          backend: { type: 'string' },
          batch: { type: 'string' },
          lr: { type: 'string' },
          model: { type: 'string' },
          out: { type: 'string' },
          resume: { type: 'boolean' },
          'checkpoint-every': { type: 'string' },
          'eval-every': { type: 'string' },
          seed: { type: 'string' },
          test: { type: 'boolean' },
        },
      });
      const [exportDir] = positionals;
      if (!exportDir || positionals.length !== 1) throw new UsageError('train needs EXPORT_DIR (an export directory with tfrecord/ and vocab.txt).');
      const { trainExportCli } = await import('../lib/training-runs/train-export-cli.ts');
      const controller = new AbortController();
      const stop = () => {
        if (controller.signal.aborted) process.exit(130);
        process.stderr.write('stopping after this step (a checkpoint is written); Ctrl+C again to exit now\n');
        controller.abort();
      };
      process.on('SIGINT', stop);
      const summary = await trainExportCli({
        exportDir,
        steps: values.steps,
        backend: values.backend,
        batch: values.batch,
        lr: values.lr,
        model: values.model,
        out: values.out,
        resume: values.resume,
        checkpointEvery: values['checkpoint-every'],
        evalEvery: values['eval-every'],
        seed: values.seed,
        test: values.test,
        signal: controller.signal,
        log: (m) => process.stderr.write(`${m}\n`),
      });
      process.off('SIGINT', stop);
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    },
  },
  'seed-demo': {
    summary: 'Create the demo project: a short generated Spanish book (3 audio files + ebook)',
    usage: `alinea seed-demo [--force]

Synthesises a short Spanish book with espeak-ng (three chapters, one MP3 each), writes its ebook as a
Project Gutenberg-style text and imports it into the project "Demo". Does nothing when the demo exists,
unless --force.`,
    async run(argv) {
      const { values } = parseArgs({ args: argv, options: { force: { type: 'boolean' } } });
      const { seedDemo } = await import('../lib/demo/seed-demo.ts');
      const { jobRegistry } = await import('../workers/job-registry.ts');
      const out = await seedDemo({ registry: jobRegistry, force: values.force, log: (m) => process.stderr.write(`${m}\n`) });
      process.stdout.write(`${JSON.stringify(out)}\n`);
    },
  },
  'create-user': {
    summary: 'Create a user who can sign in (admin or reviewer)',
    usage: `alinea create-user --email EMAIL --password PASSWORD [--role admin|reviewer] [--name NAME] [--update]

Creates a user with an email + password account (there is no public sign-up: admins create users here or on
the Users page). Prints a one-line JSON summary on stdout.

Options:
  --email EMAIL        the address they sign in with
  --password PASSWORD  at least 10 characters, not a common or easily guessed one
  --role ROLE          admin (also uploads, deletes, exports, trains) or reviewer (default)
  --name NAME          display name (default: the part of the address before @)
  --update             the user exists: set this password and role (signs them out everywhere)`,
    async run(argv) {
      const { values } = parseArgs({
        args: argv,
        options: {
          email: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string', default: 'reviewer' },
          name: { type: 'string' },
          update: { type: 'boolean' },
        },
      });
      if (!values.email || !values.password) throw new UsageError('create-user needs --email and --password.');
      if (values.role !== 'admin' && values.role !== 'reviewer') throw new UsageError(`Unknown --role ${values.role}; use admin or reviewer.`);
      const { migrateDatabase } = await import('../lib/db/migrate-database.ts');
      await migrateDatabase();
      const { createUser, createUserInput } = await import('../lib/auth/create-user.ts');
      const raw = { email: values.email, password: values.password, role: values.role, name: values.name, update: values.update };
      // one line per refused flag (`--password: This password is too easy to guess …`), not zod's block
      const checked = createUserInput.safeParse(raw);
      if (!checked.success) throw new AppError('INVALID_INPUT', checked.error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join(' '));
      const user = await createUser(checked.data);
      process.stdout.write(`${JSON.stringify(user)}\n`);
    },
  },
  'first-admin': {
    summary: 'Create admin@alinea.local with a random password when no admin can sign in yet',
    usage: `alinea first-admin [--url URL]

When no admin with a password exists, gives admin@alinea.local a random password, writes it to
<data dir>/first-admin.txt (mode 600) and prints "Sign in at URL as admin@alinea.local / PASSWORD" once.
Prints nothing otherwise. --url defaults to ALINEA_AUTH_URL, else http://localhost:3000.`,
    async run(argv) {
      const { values } = parseArgs({ args: argv, options: { url: { type: 'string' } } });
      const { migrateDatabase } = await import('../lib/db/migrate-database.ts');
      await migrateDatabase();
      const { ensureFirstAdmin } = await import('../lib/auth/ensure-first-admin.ts');
      const { getConfig } = await import('../lib/config/env.ts');
      const admin = await ensureFirstAdmin();
      if (admin) {
        const url = values.url ?? getConfig().authUrl ?? 'http://localhost:3000';
        process.stdout.write(`Sign in at ${url} as ${admin.email} / ${admin.password}\n(also in ${admin.file})\n`);
      }
    },
  },
  migrate: {
    summary: 'Apply database migrations (SQLite or PostgreSQL, offline)',
    usage: 'alinea migrate\n\nBrings the database at DATABASE_URL (default: ALINEA_DATA_DIR/alinea.db) to the latest schema.',
    async run(argv) {
      parseArgs({ args: argv, options: {} });
      const { migrateDatabase } = await import('../lib/db/migrate-database.ts');
      const applied = await migrateDatabase();
      process.stdout.write(`${JSON.stringify({ applied })}\n`);
    },
  },
  worker: {
    summary: 'Run the job worker (ingestion and other long jobs) until stopped',
    usage: `alinea worker [--concurrency N] [--only TYPE,…] [--except TYPE,…]

Claims jobs from the database queue and runs them. Stop with Ctrl+C or SIGTERM: the job at hand gets
ALINEA_WORKER_STOP_GRACE_SECONDS to finish, then is handed back (queued, the attempt not counted) for the next start.
--only / --except limit the job types (e.g. one worker for train-model,check-chapter and one for the rest,
so a long training run never holds up ingestion, alignment or exports).`,
    async run(argv) {
      const { values } = parseArgs({
        args: argv,
        options: { concurrency: { type: 'string' }, only: { type: 'string' }, except: { type: 'string' } },
      });
      const list = (v?: string) => (v ? v.split(',').map((t) => t.trim()).filter(Boolean) : undefined);
      const { runWorker } = await import('../workers/worker.ts');
      await runWorker({
        concurrency: values.concurrency ? Number(values.concurrency) : undefined,
        types: list(values.only),
        excludeTypes: list(values.except),
      });
    },
  },
};

class UsageError extends Error {}

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `Alinea: audiobooks + ebooks → a reviewed speech-to-text corpus

Usage: alinea <command> [options]   (alinea <command> --help for details)

Commands:
${Object.entries(COMMANDS)
  .map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Environment: ALINEA_DATA_DIR (default ./data), DATABASE_URL (default file:<data dir>/alinea.db)`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`Unknown command "${name}".\n\n${mainHelp()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage}\n`);
    return 0;
  }
  try {
    await cmd.run(rest);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(e as Error).message}\n\n${cmd.usage}\n`);
      return 2;
    }
    process.stderr.write(`alinea ${name}: ${isAppError(e) ? e.message : (e as Error).stack ?? String(e)}\n`);
    return 1;
  } finally {
    // Only commands that use the database load its module (importing Prisma's client costs `alinea align` 0.7 s).
    if ((globalThis as { alineaDb?: unknown }).alineaDb) await (await import('../lib/db/client.ts')).disconnectDb();
  }
}

process.exit(await main(process.argv.slice(2)));
