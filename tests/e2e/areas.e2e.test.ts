import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/server';
import { apiSession, launchBrowser, openPage, pathOf, screenshot, signIn, startTestServer } from './helpers';
import { PERMISSION_NAMES } from '../../src/contracts/permissions';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function go(testId: string, path: string) {
  await page.getByTestId(testId).click();
  await page.waitForURL((u) => pathOf(u.href) === path);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  ({ context, page } = await openPage(browser, server.url));
  await page.goto('/login');
  await signIn(page, 'admin');
  await page.waitForURL((u) => pathOf(u.href) === '/');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The admin works through every area; each step checks what the server then holds or shows. */
describe('admin areas', () => {
  it('users: a taken username is flagged on its field; a user can be deactivated', async () => {
    await go('nav-users', '/users');
    await page.getByTestId('new-user').click();
    const modal = page.getByRole('dialog', { name: 'New user' });
    await modal.getByLabel('Username').fill('operator');
    await modal.getByLabel('Display name').fill('Duplicate');
    await modal.getByLabel('Initial password').fill('long-enough-1');
    await modal.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Verifier' }).click();
    await page.keyboard.press('Escape');
    await modal.getByTestId('create-user-submit').click();
    // the problem's errors[].field lands on the Username input; a notification would say it again
    await expect.poll(() => modal.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    expect(await modal.textContent()).toContain('already taken');
    expect(await page.getByTestId('notify-error').count()).toBe(0);
    await modal.getByRole('button', { name: 'Cancel' }).click();
    await modal.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Edit verifier' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit verifier' });
    await edit.getByLabel('Active').click({ force: true });
    await edit.getByTestId('edit-user-submit').click();
    await edit.waitFor({ state: 'hidden' });
    const row = page.locator('[data-testid="user-row"][data-username="verifier"]');
    await expect.poll(() => row.textContent()).toContain('Inactive');
  });

  it('departments & teams: create a department, add a team, delete it', async () => {
    await go('nav-org', '/org');
    await page.locator('[data-testid="department-card"][data-code="PCB"]').waitFor();
    expect(await page.locator('[data-testid="department-card"][data-code="PCB"]').textContent()).toContain('1 team');

    await page.getByTestId('new-department').click();
    const dm = page.getByRole('dialog', { name: 'New department' });
    await dm.getByLabel('Code').fill('QA');
    await dm.getByLabel('Name').fill('Quality');
    await dm.getByTestId('department-submit').click();
    await dm.waitFor({ state: 'hidden' });
    const card = page.locator('[data-testid="department-card"][data-code="QA"]');
    await card.waitFor();

    await card.getByRole('button', { name: 'Team' }).click();
    const tm = page.getByRole('dialog', { name: 'New team in Quality' });
    await tm.getByLabel('Code').fill('QA-1');
    await tm.getByLabel('Name').fill('Inspection');
    await tm.getByTestId('team-submit').click();
    await tm.waitFor({ state: 'hidden' });
    await card.locator('[data-testid="team-row"][data-code="QA-1"]').waitFor();
    await expect.poll(() => card.textContent()).toContain('1 team');
    await screenshot(page, '20-departments');

    await card.getByRole('button', { name: 'Delete team QA-1' }).click();
    await page.getByTestId('confirm').click();
    await card.locator('[data-testid="team-row"]').waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toContain('0 teams');
  });

  it('customers: create one, open it, add a customer user with role and customer pre-filled', async () => {
    await go('nav-customers', '/customers');
    await page.locator('[data-testid="customer-row"][data-code="NORWOOD"]').waitFor();
    await page.getByTestId('new-customer').click();
    const cm = page.getByRole('dialog', { name: 'New customer' });
    await cm.getByLabel('Code').fill('ACME');
    await cm.getByLabel('Name').fill('Acme Corporation');
    await cm.getByLabel('Email').fill('orders@acme.example');
    await cm.getByTestId('customer-submit').click();
    await cm.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Acme Corporation' }).click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-detail').textContent()).toContain('orders@acme.example');

    await page.getByTestId('new-customer-user').click();
    const um = page.getByRole('dialog', { name: 'New user' });
    await um.waitFor();
    expect(await um.textContent()).toContain('Customer'); // the role pill
    expect(await um.getByRole('combobox', { name: 'Customer' }).inputValue()).toBe('Acme Corporation (ACME)');
    await um.getByLabel('Username').fill('acme.buyer');
    await um.getByLabel('Display name').fill('Ada Buyer');
    await um.getByLabel('Initial password').fill('first-password-3');
    await um.getByTestId('create-user-submit').click();
    await um.waitFor({ state: 'hidden' });
    const row = page.locator('[data-testid="user-row"][data-username="acme.buyer"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Acme Corporation');
    await screenshot(page, '21-customer-detail');
  });

  it('roles & permissions: the matrix marks who holds what', async () => {
    await go('nav-roles', '/roles');
    const matrix = page.getByTestId('roles-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(PERMISSION_NAMES.length);
    const manageUsers = matrix.locator('tbody tr', { hasText: 'users.manage' });
    expect(await manageUsers.getByLabel('granted', { exact: true }).count()).toBe(1);
    await screenshot(page, '22-roles');
  });

  it('my account: an API token is shown once, works, and can be revoked', async () => {
    await go('nav-account', '/account');
    await page.getByTestId('new-token').click();
    const tm = page.getByRole('dialog', { name: 'New API token' });
    await tm.getByLabel('Name').fill('label printer');
    await tm.getByRole('combobox', { name: 'Permissions' }).click();
    await page.getByRole('option', { name: /events\.subscribe/ }).click();
    await page.keyboard.press('Escape');
    await tm.getByTestId('create-token-submit').click();
    const secret = (await page.getByTestId('token-value').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await screenshot(page, '23-token-secret');

    const withToken = await fetch(`${server.url}/api/activity?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(withToken.status).toBe(200);
    const outOfScope = await fetch(`${server.url}/api/users`, { headers: { authorization: `Bearer ${secret}` } });
    expect(outOfScope.status).toBe(403);

    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByTestId('token-row').filter({ hasText: 'label printer' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('confirm').click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    const revoked = await fetch(`${server.url}/api/activity?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(revoked.status).toBe(401);
    await screenshot(page, '24-account');
  });

  it('users: an administrator revokes a token another user made', async () => {
    const supervisor = await apiSession(server.url, 'supervisor');
    const { token } = await supervisor.post<{ token: string }>('/api/auth/tokens', { name: 'scale bridge', scopes: ['events.subscribe'] });
    expect((await fetch(`${server.url}/api/activity?limit=1`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    await go('nav-users', '/users');
    await page.locator('[data-testid="user-row"][data-username="supervisor"]').getByTestId('user-tokens').click();
    const modal = page.getByRole('dialog', { name: 'API tokens · supervisor' });
    const row = modal.getByTestId('token-row').filter({ hasText: 'scale bridge' });
    await row.waitFor();
    // an administrator sees and revokes, but makes no token in another's name
    expect(await modal.getByTestId('new-token').count()).toBe(0);
    await row.getByTestId('revoke-token').click();
    await page.getByTestId('confirm').click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect((await fetch(`${server.url}/api/activity?limit=1`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await screenshot(page, '25-user-tokens');
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });
  });

  it('a new user must choose a password before anything else', async () => {
    const fresh = await openPage(browser, server.url);
    try {
      await fresh.page.goto('/login');
      await signIn(fresh.page, 'acme.buyer', 'first-password-3');
      const screen = fresh.page.getByTestId('forced-password-change');
      await screen.waitFor();
      expect(await fresh.page.getByTestId('activity-feed').count()).toBe(0);
      await screen.locator('input[name="currentPassword"]').fill('first-password-3');
      await screen.locator('input[name="newPassword"]').fill('my-own-password-9');
      await screen.locator('input[name="confirm"]').fill('my-own-password-9');
      await screen.getByTestId('change-password-submit').click();
      await fresh.page.getByTestId('customer-home').waitFor();
      expect(await fresh.page.getByTestId('customer-name').textContent()).toBe('Acme Corporation');
    } finally {
      await fresh.context.close();
    }
  });
});
