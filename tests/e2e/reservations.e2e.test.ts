import { describe, expect, it } from 'vitest';
import { apiSession, choose, e2eEnvironment, openSignedIn, pathOf, screenshot } from './helpers';

const env = e2eEnvironment();

describe('reservations', () => {
  it('supervisor is refused more than is available, reserves FLOUR from the Reservations tab, and releases it', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    const api = await apiSession(env.server.url, 'supervisor');
    const lot = (await api.get<{ items: Array<{ code: string; id: string; variantId: string }> }>('/api/lots?q=FL-2611-A')).items.find((l) => l.code === 'FL-2611-A')!;
    const reserved = async () =>
      (await api.get<{ items: Array<{ lotId: string | null; reserved: string; locationCode: string }> }>(`/api/stock/balances?variantId=${lot.variantId}&lotId=${lot.id}`))
        .items.find((b) => b.locationCode === 'MAIN-A-01')!.reserved;
    try {
      await page.getByTestId('nav-inventory').click();
      await page.getByTestId('inventory-tab-reservations').click();
      await page.waitForURL((u) => pathOf(u.href) === '/inventory/reservations');
      await page.getByText('No active reservations.').waitFor();

      await page.getByTestId('new-reservation').click();
      const modal = page.getByRole('dialog', { name: 'Reserve stock' });
      await modal.waitFor();
      await choose(page, modal, 'Item', /^FLOUR/);
      await choose(page, modal, 'Location', /^MAIN-A-01/);
      await choose(page, modal, 'Lot', /^FL-2611-A/);
      await modal.getByLabel('Quantity').fill('100000');
      await modal.getByTestId('reserve-submit').click();
      // the server's refusal, with its detail, stays in the dialog
      const problem = modal.getByTestId('reserve-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toMatch(/Not enough FLOUR at MAIN-A-01, lot FL-2611-A \(good\): 100000 needed, \d+ available/);
      await screenshot(page, '50-reserve-refused');

      await modal.getByLabel('Quantity').fill('7');
      await modal.getByLabel('Reference').fill('SO-4711');
      await modal.getByLabel('Note').fill('Held for the bakery fair');
      await modal.getByTestId('reserve-submit').click();
      await modal.waitFor({ state: 'hidden' });
      const row = page.getByTestId('reservation-row').filter({ hasText: 'SO-4711' });
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('active');
      expect(await row.getAttribute('data-remaining')).toBe('7');
      for (const part of ['FLOUR', 'MAIN-A-01', 'FL-2611-A', 'Good', 'Held for the bakery fair', 'supervisor', 'Active']) expect(await row.textContent()).toContain(part);
      expect(await reserved()).toBe('7');
      await screenshot(page, '51-reservation-active');

      await row.getByTestId('release-reservation').click();
      const confirm = page.getByRole('dialog', { name: 'Release reservation' });
      expect(await confirm.textContent()).toContain('7 of FLOUR at MAIN-A-01');
      await confirm.getByTestId('confirm').click();
      await page.getByTestId('notify-success').filter({ hasText: 'Released 7 of FLOUR' }).waitFor();
      await row.waitFor({ state: 'detached' });
      expect(await reserved()).toBe('0');

      await page.getByTestId('reservation-status-filter').getByText('Released', { exact: true }).click();
      const released = page.getByTestId('reservation-row').filter({ hasText: 'SO-4711' });
      await released.waitFor();
      expect(await released.getAttribute('data-status')).toBe('released');
      expect(await released.getAttribute('data-remaining')).toBe('0');
      expect(await released.getByTestId('release-reservation').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
