// Model in the loop: a trained run's model transcribes every aligned fragment of a chapter (the fragment's
// [begin, end) cut from the chapter's 16 kHz working copy), and each fragment gets the transcript (modelText),
// its CER against normText (modelCer) and, where the model disagrees, the 'model-mismatch' review flag.
import { AppError } from '../errors/app-error.ts';
import { getDb } from '../db/client.ts';
import type { JobContext } from '../jobs/job-definition.ts';
import { getStorage } from '../storage/storage.ts';
import { cutSamples } from '../corpus/cut-samples.ts';
import { BACKEND_CHOICES, selectBackend, type BackendChoice } from '../model/select-backend.ts';
import { getTrainingRunRow } from './get-training-run.ts';
import { loadRunModel } from './load-run-model.ts';
import { fragmentCer, MODEL_MISMATCH_FLAG, nextModelFlag } from './model-mismatch-flag.ts';
import { transcribeSamples } from './transcribe-samples.ts';

export type CheckChapterInput = { chapterId: string; runId: string; threshold?: number; backend?: BackendChoice };

export type CheckChapterResult = { chapterId: string; runId: string; checkpoint: string; checked: number; flagged: number; cleared: number; meanCer: number | null; seconds: number };

const noProgress: Pick<JobContext, 'progress' | 'signal'> = { progress: () => {}, signal: new AbortController().signal };

export async function checkChapterWithModel(input: CheckChapterInput, ctx: Pick<JobContext, 'progress' | 'signal'> = noProgress): Promise<CheckChapterResult> {
  const started = performance.now();
  const threshold = input.threshold ?? 0.5;
  const db = getDb();
  const chapter = await db.chapter.findUnique({
    where: { id: input.chapterId },
    include: { audioFile: true, fragments: { orderBy: { position: 'asc' } } },
  });
  if (!chapter) throw new AppError('NOT_FOUND', `Chapter ${input.chapterId} does not exist.`);
  if (!chapter.audioFile.pcmKey) throw new AppError('INVALID_INPUT', 'The chapter audio has no 16 kHz working copy yet: wait for its ingestion to finish.');
  const aligned = chapter.fragments.filter((f) => f.begin !== null && f.end !== null && f.end > f.begin);
  const run = await getTrainingRunRow(input.runId);
  // Default: the backend the run trained on (a CPU run stays on the CPU paths; 'auto' probes for a GPU).
  const trainedOn = (BACKEND_CHOICES as readonly string[]).includes(run.backend ?? '') ? (run.backend as BackendChoice) : 'auto';
  await selectBackend(input.backend ?? trainedOn);
  const { model, vocab, checkpoint } = await loadRunModel(input.runId);
  let flagged = 0;
  let cleared = 0;
  let cerSum = 0;
  const pcmKey = chapter.audioFile.pcmKey;
  try {
    // the stored file itself on local storage, a scratch copy on S3 (removed after)
    await getStorage().withLocalFile(pcmKey, async (wav) => {
      for (const [i, f] of aligned.entries()) {
        if (ctx.signal.aborted) throw new Error('Cancelled');
        const { samples } = await cutSamples(wav, { begin: f.begin!, end: f.end! });
        const modelText = await transcribeSamples(model, vocab, samples);
        const modelCer = fragmentCer(f.normText, modelText);
        cerSum += modelCer;
        const flag = nextModelFlag({ flag: f.flag, status: f.status, cer: modelCer, threshold });
        if (flag === MODEL_MISMATCH_FLAG) flagged++;
        else if (f.flag === MODEL_MISMATCH_FLAG) cleared++;
        // The fragment's version is not bumped: this is not an edit of its text or timing.
        await db.fragment.update({ where: { id: f.id }, data: { modelText, modelCer, flag } });
        ctx.progress((i + 1) / aligned.length, `Transcribed ${i + 1}/${aligned.length} paragraphs · ${flagged} flagged`);
      }
    });
  } finally {
    model.dispose();
  }
  return {
    chapterId: chapter.id,
    runId: input.runId,
    checkpoint,
    checked: aligned.length,
    flagged,
    cleared,
    meanCer: aligned.length ? cerSum / aligned.length : null,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
