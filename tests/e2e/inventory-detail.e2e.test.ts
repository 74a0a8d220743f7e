import { describe, expect, it } from 'vitest';
import { choose, e2eEnvironment, figure, openSignedIn, pathOf, screenshot } from './helpers';

const env = e2eEnvironment();
const signedIn = (username: string) => openSignedIn(env.browser, env.server.url, username);

/** The inventory's detail pages: an item's figures and balances, serial units, lots, locations. */
describe('inventory details', () => {
  it('product detail with balances and a count, a serial unit scrapped from its history page, lots, locations', async () => {
    const { context, page } = await signedIn('supervisor');
    try {
      await page.goto('/inventory');
      // the controller board's serial units in stock are its store figure, still below its threshold of 10
      await page.locator('[data-testid="stock-card"][data-code="FLOUR"]').waitFor();
      const board = page.locator('[data-testid="stock-card"][data-code="CTRL-BOARD"]');
      await board.waitFor();
      const inStore = Number(await board.getByTestId('store-qty').textContent());
      expect(inStore).toBeGreaterThan(0);
      expect(inStore).toBeLessThan(10);
      await board.getByTestId('low-stock').waitFor();
      await page.getByTestId('stock-availability').getByText('All historical', { exact: true }).click();
      await board.waitFor();
      await board.getByTestId('stock-card-link').click();
      await page.getByTestId('item-detail').waitFor();
      await page.getByTestId('serial-row').first().waitFor();
      await page.getByTestId('serial-status-filter').getByText('Defects', { exact: true }).click();
      const defectRows = page.getByTestId('serial-row');
      await expect.poll(async () => (await defectRows.allTextContents()).every((t) => /Defective|Rework|Scrapped/.test(t))).toBe(true);
      expect(await defectRows.count()).toBeGreaterThan(0);
      await screenshot(page, '34-item-detail-serials');

      await defectRows.filter({ hasText: 'Rework' }).first().click();
      await page.waitForURL((u) => pathOf(u.href).startsWith('/inventory/serials/'));
      await page.getByTestId('serial-history').waitFor();
      expect(Number(await page.getByTestId('serial-iteration').textContent())).toBeGreaterThan(0);
      expect(await page.getByTestId('serial-event').count()).toBeGreaterThan(1);
      await screenshot(page, '35-serial-detail');

      // a unit in rework is given up: scrapped, with a note, and its history says so
      const events = await page.getByTestId('serial-event').count();
      await page.getByTestId('mark-defect').click();
      const defect = page.getByRole('dialog', { name: /^Mark defect/ });
      await defect.getByTestId('defect-outcome').getByText('Scrap', { exact: true }).click();
      await defect.getByLabel('Note').fill('Third failure on U3: not worth another rework');
      await defect.getByTestId('defect-submit').click();
      await defect.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('serial-status').textContent()).toBe('Scrapped');
      expect(await page.getByTestId('serial-event').count()).toBe(events + 1);
      expect(await page.getByTestId('serial-event').last().getAttribute('data-event')).toBe('defect:scrap');
      expect(await page.getByTestId('mark-defect').isDisabled()).toBe(true);

      // a unit in stock found cracked is scrapped from the product's serial list: the stock figure
      // drops by one and the ledger names the unit
      await page.goBack();
      await page.getByTestId('item-detail').waitFor();
      const store = Number(await page.getByTestId('stat-store').textContent());
      await page.getByTestId('serial-status-filter').getByText('In stock', { exact: true }).click();
      const inStock = page.getByTestId('serial-row');
      await expect.poll(async () => (await inStock.allTextContents()).length > 0 && (await inStock.allTextContents()).every((t) => t.includes('In stock'))).toBe(true);
      const serialNo = await inStock.first().getAttribute('data-serial');
      await inStock.first().getByTestId('row-mark-defect').click();
      const rowDefect = page.getByRole('dialog', { name: /^Mark defect/ });
      await rowDefect.getByTestId('defect-outcome').getByText('Scrap', { exact: true }).click();
      await rowDefect.getByLabel('Note').fill('Cracked in the store');
      await rowDefect.getByTestId('defect-submit').click();
      await rowDefect.waitFor({ state: 'hidden' });
      await expect.poll(async () => Number(await page.getByTestId('stat-store').textContent())).toBe(store - 1);
      await page.getByTestId('item-ledger').click();
      const scrapped = page.getByTestId('ledger-row').filter({ hasText: `${serialNo} scrapped: Cracked in the store` });
      await scrapped.waitFor();
      expect(await scrapped.getAttribute('data-qty')).toBe('-1');
      await page.getByTestId('ledger-row').filter({ hasText: 'QA passed' }).first().waitFor();

      // an item with stock: its balances per location and lot, with lot expiry
      await page.goto('/inventory');
      await page.locator('[data-testid="stock-card"][data-code="FLOUR"]').getByTestId('stock-card-link').click();
      await page.locator('[data-testid="balance-row"][data-lot="FL-2611-A"]').first().waitFor();
      expect(await page.getByTestId('stat-store').textContent()).toMatch(/\d/);
      // as the ledger stood before the flour was ever received: nothing; now again: the rows are back
      await page.getByTestId('balances-as-of').fill('2001-01-01T08:00');
      await page.getByTestId('balances-past').waitFor();
      await expect.poll(() => page.getByTestId('balance-row').count()).toBe(0);
      await page.getByTestId('balances-as-of').fill('');
      await page.locator('[data-testid="balance-row"][data-lot="FL-2611-A"]').first().waitFor();

      // a count on lot FL-2611-B at the slot: the dialog shows what the books say, the ledger books the difference
      const lotB = page.locator('[data-testid="balance-row"][data-location="MAIN-A-01"][data-lot="FL-2611-B"]');
      const booked = figure(await lotB.getByTestId('balance-qty').textContent());
      await page.getByTestId('count-button').click();
      const count = page.getByRole('dialog', { name: 'Stock count · FLOUR' });
      await choose(page, count, 'Location', /^MAIN-A-01/);
      await choose(page, count, 'Lot', /^FL-2611-B/);
      await expect.poll(() => count.getByTestId('current-qty').getAttribute('data-qty')).toBe(String(booked));
      await count.getByLabel('Counted quantity').fill(String(booked - 2));
      await count.getByLabel('Note').fill('Cycle count, two bags short');
      await count.getByTestId('count-submit').click();
      await page.getByTestId('notify-success').filter({ hasText: '−2 kg to match the count' }).waitFor();
      await expect.poll(async () => figure(await lotB.getByTestId('balance-qty').textContent())).toBe(booked - 2);
      await screenshot(page, '36-item-detail-flour');

      await page.goto('/inventory/lots');
      await page.locator('[data-testid="lot-row"][data-code="FL-2611-B"]').waitFor();
      // expires in 15 days: flagged as expiring soon
      expect(await page.locator('[data-testid="lot-row"][data-code="FL-2611-B"]').getAttribute('data-expiry')).toBe('soon');
      await screenshot(page, '37-lots');

      await page.getByTestId('inventory-tab-locations').click();
      const slot = page.locator('[data-testid="location-row"][data-code="MAIN-A-01"]');
      await slot.waitFor();
      expect(await slot.getAttribute('data-depth')).toBe('2');
      expect(await slot.getByTestId('location-kind').textContent()).toBe('slot');
      await screenshot(page, '38-locations');

      // a slot without a place to sit in is refused beside that field
      await page.getByTestId('new-location').click();
      const dialog = page.getByRole('dialog', { name: 'New location' });
      await dialog.getByTestId('location-code').fill('SHELF-E2E');
      await dialog.getByTestId('location-name').fill('Overflow shelf');
      await choose(page, dialog, 'Kind', /^Slot$/);
      await dialog.getByTestId('location-submit').click();
      await dialog.getByText('required for zones and slots').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      // "Add inside" a zone offers a slot in it
      await page.locator('[data-testid="location-row"][data-code="MAIN-A"]').getByTestId('add-inside').click();
      await dialog.waitFor();
      expect(await dialog.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('Slot');
      await dialog.getByTestId('location-code').fill('SHELF-E2E');
      await dialog.getByTestId('location-name').fill('Overflow shelf');
      await screenshot(page, '39-location-new');
      await dialog.getByTestId('location-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      const shelf = page.locator('[data-testid="location-row"][data-code="SHELF-E2E"]');
      await shelf.waitFor();
      expect([await shelf.getAttribute('data-depth'), await shelf.getByTestId('location-kind').textContent()]).toEqual(['2', 'slot']);
      expect(await shelf.textContent()).toContain('MAIN/MAIN-A/SHELF-E2E');
      // renamed: the name changes, the code and path stay
      await shelf.getByTestId('rename-location').click();
      const renaming = page.getByRole('dialog', { name: 'Rename location · SHELF-E2E' });
      await renaming.getByTestId('location-name').fill('Overflow shelf (cold)');
      await renaming.getByTestId('location-submit').click();
      await renaming.waitFor({ state: 'hidden' });
      await expect.poll(() => shelf.textContent()).toContain('Overflow shelf (cold)');
      expect(await shelf.textContent()).toContain('MAIN/MAIN-A/SHELF-E2E');
      await screenshot(page, '39-locations-managed');
    } finally {
      await context.close();
    }
  });
});
