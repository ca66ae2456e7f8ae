import { route, readBody } from '../../../../_lib/handle-route.ts';
import { exportSettingsSchema } from '@/lib/export/export-settings.ts';
import { previewExport } from '@/lib/export/preview-export.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/projects/:id/exports/preview  body: export settings → examples, hours, speakers per split + warnings
export const POST = route(async (req, ctx: { params: Promise<{ projectId: string }> }) => {
  const { projectId } = await ctx.params;
  return { preview: await previewExport(await readBody(req, exportSettingsSchema, { projectId })) };
}, { role: 'admin' });
