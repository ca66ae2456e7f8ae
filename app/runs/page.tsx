import { RunList } from '@/components/training/run-list.tsx';
import { listTrainingRuns } from '@/lib/training-runs/list-training-runs.ts';

export const dynamic = 'force-dynamic';

export default async function RunsPage() {
  const runs = await listTrainingRuns();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Training runs</h1>
      <p className="text-sm text-slate-600">CTC speech models trained on exports with TensorFlow.js, in the worker. Start one from a project&rsquo;s export page.</p>
      <RunList initialRuns={runs} />
    </div>
  );
}
