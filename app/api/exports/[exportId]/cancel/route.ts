import { route } from '../../../_lib/handle-route.ts';
import { cancelExport } from '@/lib/export/cancel-export.ts';

export const runtime = 'nodejs';

export const POST = route(async (_req, ctx: { params: Promise<{ exportId: string }> }) => ({
  export: await cancelExport((await ctx.params).exportId),
}), { role: 'admin' });
