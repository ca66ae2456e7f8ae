import { NotFoundMessage } from '@/components/not-found-message.tsx';

export default function RunNotFound() {
  return <NotFoundMessage what="Training run" param="runId" back={{ href: '/runs', label: 'Back to the training runs' }} />;
}
