// Server-side checks of a fragment's new times: the editor clamps already (moveBoundary), this catches stale
// or hand-made requests. Times touching within a microsecond do not overlap.
import { AppError } from '../errors/app-error.ts';
import type { ReviewTx } from './review-tx.ts';

const EPS = 1e-6;

function fmt(t: number): string {
  return `${t.toFixed(3)} s`;
}

export async function checkFragmentTimes(
  tx: ReviewTx,
  frag: { id: string; chapterId: string; position: number },
  begin: number | null,
  end: number | null,
  durationSec: number | null,
): Promise<void> {
  if (begin === null && end === null) return;
  if (begin === null || end === null) {
    throw new AppError('INVALID_INPUT', 'Give the paragraph both a begin and an end time.', { field: begin === null ? 'begin' : 'end' });
  }
  if (begin < 0) throw new AppError('INVALID_INPUT', `The begin (${fmt(begin)}) must not be before the start of the audio.`, { field: 'begin' });
  if (!(end > begin)) {
    throw new AppError('INVALID_INPUT', `The end (${fmt(end)}) must come after the begin (${fmt(begin)}).`, { field: 'end' });
  }
  if (durationSec !== null && end > durationSec + EPS) {
    throw new AppError('INVALID_INPUT', `The end (${fmt(end)}) is past the end of the audio (${fmt(durationSec)}).`, { field: 'end' });
  }
  // one query: an earlier fragment ending after our begin, or a later one beginning before our end
  const clash = await tx.fragment.findFirst({
    where: {
      chapterId: frag.chapterId,
      id: { not: frag.id },
      OR: [
        { position: { lt: frag.position }, end: { gt: begin + EPS } },
        { position: { gt: frag.position }, begin: { lt: end - EPS } },
      ],
    },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, begin: true, end: true },
  });
  if (clash) {
    const field = clash.position < frag.position ? 'begin' : 'end';
    throw new AppError(
      'INVALID_INPUT',
      `These times overlap paragraph ${clash.position + 1} (${fmt(clash.begin ?? 0)}–${fmt(clash.end ?? 0)}); move the shared boundary instead, or pick times that stay clear of it.`,
      { field, neighbour: clash },
    );
  }
}
