import { z } from 'zod';

/**
 * What the client reads of the Admin API's answers, checked before use (an answer of another shape is an
 * error, not a guess). Field names are `@anthropic-ai/sdk` v1's (`resources/beta/organization/*.d.ts`)
 * and the docs' (Admin API reference: API keys, users, workspaces, "Get Messages Usage Report").
 */

const id = z.string().min(1).max(200);
const time = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an RFC 3339 time');
const short = z.string().max(1000);

export const apiKeySchema = z.object({
  id,
  name: short,
  created_at: time,
  created_by: z.object({ id, type: z.string() }).nullable().optional(),
  expires_at: time.nullable().optional(),
  partial_key_hint: short.nullable().optional(),
  status: z.enum(['active', 'inactive', 'archived', 'expired']),
  // The SDK's `scope` and `principal`; the older documented shape has a top-level `workspace_id`.
  scope: z
    .union([
      z.object({ type: z.literal('workspace'), workspace_id: id }),
      z.object({ type: z.literal('organization') }),
    ])
    .nullable()
    .optional(),
  principal: z
    .union([
      z.object({ type: z.literal('user_actor'), user_id: id }),
      z.object({ type: z.literal('service_account_actor'), service_account_id: id }),
    ])
    .nullable()
    .optional(),
  workspace_id: id.nullable().optional(),
});
export type ApiKeyRecord = z.infer<typeof apiKeySchema>;

export const userSchema = z.object({ id, name: short.nullable().optional(), email: short.nullable().optional() });
export type UserRecord = z.infer<typeof userSchema>;

export const workspaceSchema = z.object({ id, name: short, archived_at: time.nullable().optional() });
export type WorkspaceRecord = z.infer<typeof workspaceSchema>;

/** `{data, has_more, first_id, last_id}`: the id-cursor lists. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), has_more: z.boolean(), last_id: id.nullable().optional() });
}

const tokens = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const usageRowSchema = z.object({
  api_key_id: id.nullable().optional(),
  uncached_input_tokens: tokens.optional(),
  cache_read_input_tokens: tokens.optional(),
  cache_creation: z
    .object({ ephemeral_1h_input_tokens: tokens.optional(), ephemeral_5m_input_tokens: tokens.optional() })
    .nullable()
    .optional(),
  output_tokens: tokens.optional(),
});
export type UsageRow = z.infer<typeof usageRowSchema>;

export const usagePageSchema = z.object({
  data: z.array(z.object({ starting_at: time, ending_at: time, results: z.array(usageRowSchema) })),
  has_more: z.boolean(),
  next_page: z.string().max(1000).nullable().optional(),
});
export type UsagePage = z.infer<typeof usagePageSchema>;
