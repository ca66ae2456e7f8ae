import { NotFoundMessage } from '@/components/not-found-message.tsx';

export default function ChapterNotFound() {
  return <NotFoundMessage what="Chapter" param="chapterId" back={{ href: '/', label: 'Back to the projects' }} />;
}
