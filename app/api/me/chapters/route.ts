import { route } from '../../_lib/handle-route.ts';
import { listMyChapters } from '@/lib/review/list-my-chapters.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/me/chapters → { chapters } (the signed-in user's assigned chapters, with their review progress)
export const GET = route(async (_req, _ctx, user) => ({ chapters: await listMyChapters({ userId: user.id }) }));
