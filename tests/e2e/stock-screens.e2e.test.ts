import { describe, expect, it } from 'vitest';
import { apiSession, choose, e2eEnvironment, openSignedIn, screenshot } from './helpers';

const env = e2eEnvironment();

/** Grades, serial registration and receiving a transfer shipped through transit. */
describe('stock screens', () => {
  it('adds a grade that the grade pickers then offer', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      await page.goto('/inventory/grades');
      await page.locator('[data-testid="grade-row"][data-code="damaged"]').waitFor();
      await page.getByTestId('new-grade').click();
      const modal = page.getByRole('dialog', { name: 'New grade' });
      await modal.getByLabel('Code').fill('B stock');
      await modal.getByLabel('Name').fill('B-stock');
      await modal.getByTestId('grade-submit').click();
      // the server names the field: a code is a lowercase slug
      await expect.poll(() => modal.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
      await modal.getByLabel('Code').fill('b-stock');
      await modal.getByTestId('grade-submit').click();
      await modal.waitFor({ state: 'hidden' });
      const row = page.locator('[data-testid="grade-row"][data-code="b-stock"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('Not usable');
      await screenshot(page, '52-grades');

      await page.getByTestId('inventory-tab-ledger').click();
      await choose(page, page, 'Grade', /^B-stock$/);
      await page.waitForURL((u) => u.searchParams.get('grade') === 'b-stock');
    } finally {
      await context.close();
    }
  });

  it('registers serial units, pointing at the row that already exists', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      const api = await apiSession(env.server.url, 'supervisor');
      const board = (await api.get<{ items: Array<{ id: string; code: string }> }>('/api/items?q=CTRL-BOARD')).items.find((i) => i.code === 'CTRL-BOARD')!;
      await page.goto(`/inventory/items/${board.id}`);
      await page.getByTestId('serial-row').first().waitFor();
      await page.getByTestId('register-serials').click();
      const modal = page.getByRole('dialog', { name: 'Register serials · CTRL-BOARD' });
      await modal.getByLabel('Serial numbers').fill('CB-R3-0101\nCB-R3-0005\nCB-R3-0102');
      await modal.getByLabel('Stage').fill('Assembly');
      await modal.getByTestId('register-serials-submit').click();
      const rowError = modal.getByTestId('serial-row-error');
      await rowError.waitFor();
      expect(await rowError.count()).toBe(1);
      expect(await rowError.textContent()).toBe('Row 2 · CB-R3-0005: already exists');
      await screenshot(page, '53-register-serials-taken');

      await modal.getByTestId('serials-mode').getByText('Prefix and count', { exact: true }).click();
      await modal.getByLabel('Prefix', { exact: true }).fill('CB-R3-');
      await modal.getByLabel('First number').fill('101');
      await modal.getByLabel('How many').fill('3');
      expect(await modal.getByTestId('serials-preview').textContent()).toBe('3 to register: CB-R3-0101 … CB-R3-0103');
      await modal.getByTestId('register-serials-submit').click();
      await modal.waitFor({ state: 'hidden' });
      for (const sn of ['CB-R3-0101', 'CB-R3-0102', 'CB-R3-0103']) await page.locator(`[data-testid="serial-row"][data-serial="${sn}"]`).waitFor();
    } finally {
      await context.close();
    }
  });

  it('receives a transfer in transit from the ledger, the shortfall arriving damaged', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      const api = await apiSession(env.server.url, 'supervisor');
      const lot = (await api.get<{ items: Array<{ code: string; id: string; variantId: string }> }>('/api/lots?q=FL-2611-A')).items.find((l) => l.code === 'FL-2611-A')!;
      const places = (await api.get<{ items: Array<{ code: string; id: string }> }>('/api/locations')).items;
      const id = (code: string) => places.find((l) => l.code === code)!.id;
      const doc = await api.post<{ number: string; status: string }>('/api/stock/transfers', {
        viaLocationId: id('TRANSIT'), lines: [{ variantId: lot.variantId, lotId: lot.id, fromLocationId: id('MAIN-A-01'), toLocationId: id('FLOOR'), qty: '10' }],
      });
      expect(doc.status).toBe('in_transit');

      await page.goto('/inventory/ledger');
      await page.locator(`[data-testid="ledger-row"][data-document="${doc.number}"]`).first().getByTestId('open-document').click();
      const drawer = page.getByRole('dialog', { name: `Document ${doc.number}` });
      await expect.poll(() => drawer.getByTestId('document-status').textContent()).toBe('In transit');
      await drawer.getByTestId('receive-document').click();
      const modal = page.getByRole('dialog', { name: `Receive ${doc.number}` });
      await modal.getByLabel('Received on line 1').fill('8');
      await choose(page, modal, 'Shortfall on line 1', /^Damaged$/);
      await screenshot(page, '54-receive-transfer');
      await modal.getByTestId('receive-submit').click();
      await modal.waitFor({ state: 'hidden' });
      await expect.poll(() => drawer.getByTestId('document-status').textContent()).toBe('Received');
      expect(await drawer.getByTestId('transit-shortfall').textContent()).toBe('2 Damaged');
      expect(await drawer.getByTestId('receive-document').count()).toBe(0);
      await screenshot(page, '55-transfer-received');
      const floor = await api.get<{ items: Array<{ grade: string; qty: string; locationCode: string }> }>(`/api/stock/balances?variantId=${lot.variantId}&lotId=${lot.id}&locationId=${id('FLOOR')}`);
      expect(floor.items.map((b) => `${b.grade}:${b.qty}`).sort()).toEqual(['damaged:2', 'good:8']);
    } finally {
      await context.close();
    }
  });
});
