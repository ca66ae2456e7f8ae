import { NotFoundMessage } from '@/components/not-found-message.tsx';

export default function ProjectNotFound() {
  return <NotFoundMessage what="Project" param="projectId" back={{ href: '/', label: 'Back to the projects' }} />;
}
