import { z } from 'zod';

/** A grade's code: a lowercase slug, as stock keys and filters carry it. */
export const GradeCode = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[a-z][a-z0-9_-]*$/, 'lowercase letters, digits, dash and underscore, starting with a letter');

export const GradeDto = z.object({
  code: z.string(),
  name: z.string(),
  /** whether stock of this grade counts as available for use */
  usable: z.boolean(),
  position: z.number().int(),
});
export type GradeDto = z.infer<typeof GradeDto>;

export const CreateGrade = z.strictObject({
  code: GradeCode,
  name: z.string().trim().min(1).max(60),
  /** a new grade is not usable unless said so: it never silently adds to available stock */
  usable: z.boolean().default(false),
});
export type CreateGrade = z.infer<typeof CreateGrade>;

export const RenameGrade = z.strictObject({ name: z.string().trim().min(1).max(60) });

export const GradeParam = z.strictObject({ code: GradeCode });
