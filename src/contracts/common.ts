import { z } from 'zod';
import './messages';

/** List convention: every list endpoint takes these and answers `{ items, nextCursor }`. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.string().max(40).optional(),
  q: z.string().max(200).optional(),
});

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParam = z.strictObject({ id: z.uuid() });

export const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');
export const Name = z.string().trim().min(1).max(120);
export const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
