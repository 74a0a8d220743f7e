/** People and access: the module's public surface. */
export { registerAuthRoutes } from './routes/auth-routes';
export { registerUserRoutes } from './routes/user-routes';
export { registerOrgRoutes } from './routes/org-routes';
export { registerCustomerRoutes } from './routes/customer-routes';
export { createUser } from './commands/create-user';
export { createCustomer } from './commands/customers';
export { createDepartment } from './commands/departments';
export { createTeam } from './commands/teams';
export { resetPassword } from './commands/set-password';
export { findUserByUsername } from './queries/get-user';
export { actorForUser } from './user-row';
