import { notFound } from 'next/navigation';
import { RunDetail } from '@/components/training/run-detail.tsx';
import { isAppError } from '@/lib/errors/app-error.ts';
import { getTrainingRun } from '@/lib/training-runs/get-training-run.ts';
import type { TrainingRunView } from '@/lib/training-runs/training-run-view.ts';

export const dynamic = 'force-dynamic';

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  let run: TrainingRunView;
  try {
    run = await getTrainingRun(runId);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  return <RunDetail initialRun={run} />;
}
