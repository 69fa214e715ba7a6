/** The zod schemas of the goals API (docs/goals.md lists the same shapes for the web UI). */
import { BASE_METRICS } from '@attain/engine';
import { z } from 'zod';

const id = z.string().trim().min(1).max(200);
// '|' separates the parts of a goal key (contract §1 upsert key), so a filter value may not hold one.
const optionalText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => !text.includes('|'), 'must not contain "|"')
  .optional();

export const metricSchema = z.enum(BASE_METRICS);

export const filtersSchema = z
  .object({ product_line: optionalText, customer_type: optionalText, region: optionalText })
  .strict()
  .default({});

/** Decimal text ("1234.50"); a JSON number is accepted and read by its shortest text. */
export const amountSchema = z.union([z.string().trim().min(1).max(40), z.number().finite()]);
const optionalAmount = amountSchema.nullable().optional();
const reason = z.string().max(1000).nullable().optional();

const address = {
  period: z.string().trim().min(1).max(40),
  scope: id,
  metric: metricSchema,
  filters: filtersSchema,
};

export const gridQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(9999),
  root: id,
  metric: metricSchema.default('revenue'),
  product_line: optionalText,
  customer_type: optionalText,
  region: optionalText,
});

export const editBodySchema = z.object({
  ...address,
  value: amountSchema,
  floor: optionalAmount,
  stretch: optionalAmount,
  reason,
});

export const cascadeBodySchema = z.object({
  ...address,
  split: z.enum(['children', 'months', 'quarters']).default('children'),
  method: z.enum(['equal', 'last_year_share', 'weights', 'manual']),
  children: z.array(id).min(1).max(1000).optional(),
  weights: z.record(z.string(), amountSchema).optional(),
  values: z.record(z.string(), amountSchema).optional(),
  dryRun: z.boolean().default(false),
  reason,
});

export const proposeBodySchema = z.object({
  ...address,
  value: amountSchema,
  floor: optionalAmount,
  stretch: optionalAmount,
  comment: z.string().max(1000).nullable().optional(),
});

export const proposalListQuerySchema = z.object({
  status: z.enum(['proposed', 'returned', 'approved']).optional(),
  scope: id.optional(),
  period: z.string().trim().min(1).max(40).optional(),
});

export const proposalParamsSchema = z.object({ id });

export const approveBodySchema = z
  .object({ comment: z.string().max(1000).nullable().optional(), reason })
  .default({});

export const returnBodySchema = z.object({ comment: z.string().trim().min(1).max(1000) });

export const lockBodySchema = z.object({ period: z.string().trim().min(1).max(40), reason });

export const lockParamsSchema = z.object({ period: z.string().trim().min(1).max(40) });

export const unlockQuerySchema = z.object({ reason: z.string().max(1000).optional() });
