import { TryModel } from '@/components/training/try-model.tsx';

export const dynamic = 'force-dynamic';

export default async function TryPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const { run } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Try a model</h1>
      <p className="text-sm text-slate-600">
        Speak (Spanish) or upload a clip: a trained model transcribes it in this browser with TensorFlow.js. Nothing is uploaded; only the model
        is downloaded.
      </p>
      <TryModel initialRunId={run} />
    </div>
  );
}
