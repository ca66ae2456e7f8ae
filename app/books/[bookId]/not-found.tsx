import { NotFoundMessage } from '@/components/not-found-message.tsx';

export default function BookNotFound() {
  return <NotFoundMessage what="Book" param="bookId" back={{ href: '/', label: 'Back to the projects' }} />;
}
