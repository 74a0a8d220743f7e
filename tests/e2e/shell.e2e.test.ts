import { describe, expect, it } from 'vitest';
import { apiSession, e2eEnvironment, openPage, pathOf, screenshot, signIn } from './helpers';

const env = e2eEnvironment();

describe('web shell', () => {
  it('admin signs in, sees the live feed, creates a user, sees changes arrive live, signs out', async () => {
    const { context, page } = await openPage(env.browser, env.server.url);
    try {
      // unauthenticated: sent to sign-in
      await page.goto('/');
      await page.waitForURL((u) => pathOf(u.href) === '/login');
      await screenshot(page, '01-login');

      await signIn(page, 'admin');
      await page.waitForURL((u) => pathOf(u.href) === '/');
      await expect.poll(() => page.getByTestId('home-greeting').textContent()).toContain('Avery');
      expect(await page.getByTestId('user-name').textContent()).toBe('Avery Admin');
      expect(await page.getByTestId('user-role').textContent()).toBe('Administrator');

      // the feed shows the seeded events, and the live connection comes up
      await page.getByTestId('activity-feed').waitFor();
      expect(await page.getByTestId('activity-item').count()).toBeGreaterThan(0);
      const live = page.getByTestId('live-indicator').first();
      await expect.poll(() => live.getAttribute('data-status')).toBe('live');
      expect(await live.textContent()).toContain('Live');
      await screenshot(page, '02-home-admin');

      // the page must not reload from here on: a marker on window survives only client-side changes
      await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));
      const noReload = () => page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload === 1);

      // Users: create one through the modal
      await page.getByTestId('nav-users').click();
      await page.waitForURL((u) => pathOf(u.href) === '/users');
      await page.locator('[data-testid="user-row"][data-username="admin"]').waitFor();
      await page.getByTestId('new-user').click();
      const modal = page.getByRole('dialog', { name: 'New user' });
      await modal.waitFor();
      await modal.getByLabel('Username').fill('e2e.alice');
      await modal.getByLabel('Display name').fill('Alice Example');
      await modal.getByLabel('Email').fill('alice@example.test');
      await modal.getByLabel('Initial password').fill('first-password-1');
      await modal.getByRole('combobox', { name: 'Roles' }).click();
      await page.getByRole('option', { name: 'Operator' }).click();
      await page.keyboard.press('Escape'); // closes the open role list, not the modal
      await modal.getByRole('combobox', { name: 'Department' }).click();
      await page.getByRole('option', { name: 'PCB Assembly' }).click();
      await screenshot(page, '03-create-user-modal');
      await modal.getByTestId('create-user-submit').click();
      await modal.waitFor({ state: 'hidden' });

      const aliceRow = page.locator('[data-testid="user-row"][data-username="e2e.alice"]');
      await aliceRow.waitFor();
      const aliceText = await aliceRow.textContent();
      expect(aliceText).toContain('Alice Example');
      expect(aliceText).toContain('Operator');
      expect(aliceText).toContain('PCB Assembly');
      await screenshot(page, '04-users-after-create');

      // a user created elsewhere (another session) appears in the open list without reloading
      const other = await apiSession(env.server.url, 'admin');
      await other.post('/api/users', { username: 'e2e.bob', displayName: 'Bob Remote', password: 'first-password-2', roles: ['verifier'] });
      await page.locator('[data-testid="user-row"][data-username="e2e.bob"]').waitFor();

      // home: the feed got both creations from the live stream (the feed is never refetched)
      await page.getByTestId('nav-home').click();
      await page.waitForURL((u) => pathOf(u.href) === '/');
      const items = page.getByTestId('activity-item');
      await items.filter({ hasText: 'created user e2e.alice' }).waitFor();
      await items.filter({ hasText: 'created user e2e.bob' }).waitFor();
      expect(await items.first().textContent()).toContain('created user e2e.bob');

      // and while watching the home page, a change made elsewhere arrives as a new top line
      const before = await items.count();
      await other.post('/api/departments', { code: 'E2E', name: 'End-to-end Department' });
      await items.first().filter({ hasText: 'created department End-to-end Department' }).waitFor();
      expect(await items.count()).toBe(before + 1);
      expect(await noReload()).toBe(true);
      await screenshot(page, '05-home-live-feed');

      // sign out from the user menu
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL((u) => pathOf(u.href) === '/login');
      await page.getByTestId('login-submit').waitFor();
      // signed out for real: the shell sends us back to sign-in
      await page.goto('/users');
      await page.waitForURL((u) => pathOf(u.href) === '/login' && u.searchParams.get('redirect') === '/users');
    } finally {
      await context.close();
    }
  });

  it('shows an error for a wrong password and stays on sign-in', async () => {
    const { context, page } = await openPage(env.browser, env.server.url);
    try {
      await page.goto('/login');
      await signIn(page, 'admin', 'not-the-password');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Wrong username or password');
      expect(pathOf(page.url())).toBe('/login');
      expect(await page.getByTestId('user-menu').count()).toBe(0);
      await screenshot(page, '06-login-wrong-password');
    } finally {
      await context.close();
    }
  });

  it('operator sees no Users or Customers navigation, and cannot open them by address', async () => {
    const { context, page } = await openPage(env.browser, env.server.url);
    try {
      await page.goto('/login');
      await signIn(page, 'operator');
      await page.waitForURL((u) => pathOf(u.href) === '/');
      await page.getByTestId('nav-home').waitFor();
      expect(await page.getByTestId('nav-org').count()).toBe(1);
      expect(await page.getByTestId('nav-account').count()).toBe(1);
      expect(await page.getByTestId('nav-users').count()).toBe(0);
      expect(await page.getByTestId('nav-customers').count()).toBe(0);
      expect(await page.getByTestId('nav-audit').count()).toBe(0);
      expect(await page.getByTestId('user-role').textContent()).toBe('Operator');
      await screenshot(page, '07-home-operator');

      await page.goto('/users');
      await page.waitForURL((u) => pathOf(u.href) === '/');
      expect(await page.getByTestId('users-table').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('returns to the requested page after sign-in', async () => {
    const { context, page } = await openPage(env.browser, env.server.url);
    try {
      await page.goto('/audit');
      await page.waitForURL((u) => pathOf(u.href) === '/login' && u.searchParams.get('redirect') === '/audit');
      await signIn(page, 'supervisor');
      await page.waitForURL((u) => pathOf(u.href) === '/audit');
      const rows = page.getByTestId('audit-row');
      await rows.first().waitFor();
      await rows.first().click();
      await page.getByTestId('audit-diff').first().waitFor();
      await screenshot(page, '08-audit-supervisor');
    } finally {
      await context.close();
    }
  });

  it('a customer user sees a simple home with their customer and the feed (narrow screen)', async () => {
    const { context, page } = await openPage(env.browser, env.server.url, { width: 600, height: 900 });
    try {
      await page.goto('/login');
      await signIn(page, 'customer');
      await page.waitForURL((u) => pathOf(u.href) === '/');
      await page.getByTestId('customer-home').waitFor();
      expect(await page.getByTestId('customer-name').textContent()).toBe('Norwood Distribution');
      await expect.poll(() => page.getByTestId('live-indicator').first().getAttribute('data-status')).toBe('live');
      await screenshot(page, '09-customer-home-narrow');
      // navigation sits behind the burger on a narrow screen, and offers only what a customer may use
      await page.getByTestId('burger').click();
      await page.getByTestId('nav-account').waitFor();
      expect(await page.getByTestId('nav-users').count()).toBe(0);
      expect(await page.getByTestId('nav-org').count()).toBe(0);
      await page.waitForTimeout(400); // let the navbar finish sliding in, for the picture only
      await screenshot(page, '10-customer-nav-narrow');
    } finally {
      await context.close();
    }
  });

  it('a tablet keeps the navigation as a rail of named icons, the full list from 1200 px', async () => {
    const { context, page } = await openPage(env.browser, env.server.url, { width: 1024, height: 768 });
    try {
      await page.goto('/login');
      await signIn(page, 'supervisor');
      await page.waitForURL((u) => pathOf(u.href) === '/');
      const inventory = page.getByTestId('nav-inventory');
      await inventory.waitFor();
      expect(await page.getByTestId('burger').isVisible()).toBe(false);
      // icons only, narrow, each named for screen readers and by its tooltip
      expect((await inventory.textContent())?.trim()).toBe('');
      expect(await inventory.getAttribute('aria-label')).toBe('Inventory');
      expect((await inventory.boundingBox())!.width).toBeLessThan(80);
      await inventory.hover();
      await page.getByRole('tooltip', { name: 'Inventory' }).waitFor();
      await inventory.click();
      await page.waitForURL((u) => pathOf(u.href) === '/inventory');
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(async () => (await inventory.textContent())?.trim()).toBe('Inventory');
    } finally {
      await context.close();
    }
  });
});
