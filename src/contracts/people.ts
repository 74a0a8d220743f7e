import { z } from 'zod';
import { ROLES, PERMISSION_NAMES } from './permissions';
import { Code, Name, OptionalText } from './common';

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSION_NAMES as [string, ...string[]]);

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'letters, digits and . _ @ - only');
export const Password = z.string().min(8, 'at least 8 characters').max(200).refine((v) => v.trim().length >= 8, 'at least 8 characters besides spaces at either end');

export const UserDto = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(RoleSchema),
  departmentId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof UserDto>;

export const CreateUser = z.strictObject({
  username: Username,
  displayName: Name,
  email: z.email().max(200).nullable().optional(),
  password: Password,
  roles: z.array(RoleSchema).min(1).max(ROLES.length),
  departmentId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  customerId: z.uuid().nullable().optional(),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z.strictObject({
  displayName: Name.optional(),
  email: z.email().max(200).nullable().optional(),
  roles: z.array(RoleSchema).min(1).max(ROLES.length).optional(),
  departmentId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  customerId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUser = z.infer<typeof UpdateUser>;

export const ResetPassword = z.strictObject({ password: Password });
export const ChangePassword = z.strictObject({ currentPassword: z.string().max(200), newPassword: Password });

export const Login = z.strictObject({ username: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) });

export const Me = z.object({
  user: UserDto,
  permissions: z.array(PermissionSchema),
  csrfToken: z.string().nullable(),
  customerName: z.string().nullable(),
  /** The plant's time zone (the server's): plant days — today, a day's counters — are counted in it. */
  plantTimeZone: z.string(),
});
export type Me = z.infer<typeof Me>;

export const DepartmentDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  teamCount: z.number().int(),
  memberCount: z.number().int(),
});
export type DepartmentDto = z.infer<typeof DepartmentDto>;
export const CreateDepartment = z.strictObject({ code: Code, name: Name });
export const UpdateDepartment = z.strictObject({ name: Name.optional(), active: z.boolean().optional() });

export const TeamDto = z.object({
  id: z.uuid(),
  departmentId: z.uuid(),
  code: z.string(),
  name: z.string(),
  leadUserId: z.uuid().nullable(),
  active: z.boolean(),
  memberCount: z.number().int(),
});
export type TeamDto = z.infer<typeof TeamDto>;
export const CreateTeam = z.strictObject({
  departmentId: z.uuid(),
  code: Code,
  name: Name,
  leadUserId: z.uuid().nullable().optional(),
});
export const UpdateTeam = z.strictObject({
  name: Name.optional(),
  leadUserId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});

export const CustomerDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number().int(),
  createdAt: z.string(),
});
export type CustomerDto = z.infer<typeof CustomerDto>;
export const CreateCustomer = z.strictObject({
  code: Code,
  name: Name,
  email: z.email().max(200).nullable().optional(),
  phone: OptionalText(40),
  address: OptionalText(500),
});
export const UpdateCustomer = z.strictObject({
  name: Name.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: OptionalText(40),
  address: OptionalText(500),
  active: z.boolean().optional(),
});

export const TokenDto = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(PermissionSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenDto = z.infer<typeof TokenDto>;
export const CreateToken = z.strictObject({
  name: Name,
  scopes: z.array(PermissionSchema).min(1),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export const CreatedToken = TokenDto.extend({ token: z.string() });
