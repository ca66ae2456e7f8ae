// What a span re-alignment proposes (the `result` of a realign-span job): new times for the fragments between
// two anchors, with the version and times each had when the proposal was made. Nothing is applied until a
// reviewer accepts it (acceptSpanRealign), and only if none of them changed meanwhile.
import { z } from 'zod';

export const realignProposal = z.object({
  kind: z.literal('realign-proposal'),
  chapterId: z.string(),
  span: z.object({ begin: z.number(), end: z.number() }),
  anchoredBegin: z.boolean(),
  anchoredEnd: z.boolean(),
  createdAt: z.string(),
  fragments: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      status: z.string(),
      version: z.number().int(),
      old: z.object({ begin: z.number(), end: z.number(), confidence: z.number().nullable() }),
      begin: z.number(),
      end: z.number(),
      confidence: z.number(),
      flag: z.string().nullable(),
      /** One span per sentence when the paragraph has two or more (the aligner's children). */
      sentences: z.array(z.object({ begin: z.number(), end: z.number(), confidence: z.number().min(0).max(1).optional() })).optional(),
    }),
  ),
});
export type RealignProposal = z.infer<typeof realignProposal>;
export type ProposedFragment = RealignProposal['fragments'][number];
