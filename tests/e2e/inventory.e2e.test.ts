import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiSession, choose, e2eEnvironment, figure, openSignedIn, pathOf, screenshot } from './helpers';

const env = e2eEnvironment();

const signedIn = (username: string) => openSignedIn(env.browser, env.server.url, username);

describe('inventory', () => {
  it('supervisor subtracts from a FLOUR lot on its card, is held to a note, and finds the line in the ledger', async () => {
    const { context, page } = await signedIn('supervisor');
    try {
      await page.getByTestId('nav-inventory').click();
      await page.waitForURL((u) => pathOf(u.href) === '/inventory');
      const card = page.locator('[data-testid="stock-card"][data-code="FLOUR"]');
      await card.waitFor();
      const storeBefore = figure(await card.getByTestId('store-qty').textContent());
      expect(storeBefore).toBeGreaterThan(3);
      expect(await card.textContent()).toContain('kg in store');
      await screenshot(page, '30-inventory-overview');

      await card.getByTestId('adjust-button').click();
      const modal = page.getByRole('dialog', { name: 'Adjust stock · FLOUR' });
      await modal.waitFor();
      await modal.getByTestId('adjust-direction').getByText('Subtract', { exact: true }).click();
      await choose(page, modal, 'Location', /^MAIN-A-01/);
      await choose(page, modal, 'Lot', /^FL-2611-A/);
      const onHand = modal.getByTestId('current-qty');
      await expect.poll(() => onHand.getAttribute('data-qty')).toMatch(/^\d+/);
      const before = Number(await onHand.getAttribute('data-qty'));
      await modal.getByLabel('Quantity to subtract').fill('3');
      await choose(page, modal, 'Reason', /^Damaged$/);

      // no note: the server refuses, and its field error lands on the Note input
      await modal.getByTestId('adjust-submit').click();
      const note = modal.getByLabel('Note');
      await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
      expect(await modal.textContent()).toContain('a note explaining the adjustment is required');
      await screenshot(page, '31-adjust-note-required');

      await note.fill('Sack split open while moving the pallet');
      await modal.getByTestId('adjust-submit').click();
      const success = page.getByTestId('notify-success').filter({ hasText: 'FLOUR −3 kg' });
      await success.waitFor();
      expect(await success.textContent()).toMatch(/ADJ-\d+ posted/);
      await modal.waitFor({ state: 'hidden' });
      await expect.poll(async () => figure(await card.getByTestId('store-qty').textContent())).toBe(storeBefore - 3);

      // the ledger, narrowed to FLOUR: the adjustment is the newest line
      await page.getByTestId('inventory-tab-ledger').click();
      await page.waitForURL((u) => pathOf(u.href) === '/inventory/ledger');
      await choose(page, page, 'Item', /^FLOUR/);
      await page.waitForURL((u) => u.searchParams.has('itemId'));
      const first = page.getByTestId('ledger-row').first();
      await expect.poll(() => first.getAttribute('data-qty')).toBe('-3');
      expect(await first.getAttribute('data-document')).toMatch(/^ADJ-/);
      expect(await first.getByTestId('entry-qty').textContent()).toBe('−3');
      expect(await first.getByTestId('entry-before-after').textContent()).toBe(`${before}→${before - 3}`);
      const rowText = (await first.textContent()) ?? '';
      for (const part of ['FLOUR', 'MAIN-A-01', 'FL-2611-A', 'Adjustment', 'damaged', 'Sack split open', 'supervisor']) expect(rowText).toContain(part);
      const items = await page.getByTestId('ledger-row').allTextContents();
      expect(items.every((t) => t.includes('FLOUR'))).toBe(true);
      await screenshot(page, '32-ledger-flour');
      // a 1440 px laptop sees every column without scrolling the table sideways
      await page.setViewportSize({ width: 1440, height: 900 });
      const rightmost = async () => Math.max(...(await page.getByTestId('ledger-table').locator('th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().right))));
      await expect.poll(rightmost).toBeLessThanOrEqual(1440);
      await page.setViewportSize({ width: 1280, height: 800 });

      // its document, with a Cancel button for a supervisor
      await first.getByTestId('open-document').click();
      const drawer = page.getByRole('dialog', { name: /^Document ADJ-/ });
      await drawer.getByTestId('document-entry').first().waitFor();
      expect(await drawer.getByTestId('document-status').textContent()).toBe('Posted');
      expect(await drawer.textContent()).toContain('Sack split open');
      await drawer.getByTestId('cancel-document').waitFor();
      await screenshot(page, '33-document-drawer');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // CSV of the filtered rows: figures exactly as the API has them
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.startsWith('\ufeff')).toBe(true); // spreadsheets read it as UTF-8
      const lines = csv.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('posted_at,recorded_at,document,document_type,reason,note,variant,location,lot,grade,qty,qty_before,qty_after,value,unit_cost,actor,item_name,unit,entry_id,reverses_entry');
      expect(lines.length - 1).toBe(items.length);
      expect(lines[1]).toContain(`,adjustment,damaged,Sack split open while moving the pallet,FLOUR,MAIN-A-01,FL-2611-A,good,-3,${before},${before - 3},`);
      expect(lines[1]).toMatch(/,supervisor,Flour,kg,\d+,$/);
      expect(lines.slice(1).every((l) => l.includes(',FLOUR,'))).toBe(true);

      // cancelling the adjustment reverses it at its original date
      await first.getByTestId('open-document').click();
      await drawer.getByTestId('cancel-document').click();
      const cancel = page.getByRole('dialog', { name: /^Cancel ADJ-/ });
      await cancel.getByLabel('Reason').fill('Posted on the wrong lot');
      await cancel.getByTestId('cancel-document-submit').click();
      await expect.poll(() => drawer.getByTestId('document-status').textContent()).toBe('Cancelled');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('ledger-row').first().getAttribute('data-qty')).toBe('3');
      expect(await page.getByTestId('ledger-row').first().textContent()).toContain('reversal');

      // narrowed to receipts: the adjustment and its reversal leave the list, and the address keeps the choice
      await choose(page, page, 'Action', /^Receipt$/);
      await page.waitForURL((u) => u.searchParams.get('action') === 'receipt');
      await expect.poll(async () => (await page.getByTestId('ledger-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-document')))).every((d) => d?.startsWith('RCV-'))).toBe(true);
      expect(await page.getByTestId('ledger-row').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('a customer returns part of an issue: it comes back damaged, at the issue cost, and the issue says what is left', async () => {
    const { context, page } = await signedIn('supervisor');
    try {
      const api = await apiSession(env.server.url, 'supervisor');
      const lot = (await api.get<{ items: Array<{ code: string; id: string; variantId: string }> }>('/api/lots?q=FL-2611-A')).items.find((l) => l.code === 'FL-2611-A')!;
      const slot = (await api.get<{ items: Array<{ code: string; id: string }> }>('/api/locations?q=MAIN-A-01')).items.find((l) => l.code === 'MAIN-A-01')!;
      const issue = await api.post<{ id: string; number: string; entries: Array<{ value: string }> }>('/api/stock/issues', {
        reason: 'sold', lines: [{ variantId: lot.variantId, locationId: slot.id, lotId: lot.id, grade: 'good', qty: '5' }],
      });

      await page.goto(`${env.server.url}/inventory/ledger?lotId=${lot.id}`);
      await page.locator(`[data-testid="ledger-row"][data-document="${issue.number}"]`).getByTestId('open-document').click();
      const drawer = page.getByRole('dialog', { name: `Document ${issue.number}` });
      await drawer.getByTestId('return-document').click();
      const modal = page.getByRole('dialog', { name: `Return of ${issue.number}` });
      const line = modal.getByTestId('return-line').first();
      expect(await line.textContent()).toContain('5');
      await line.getByLabel('Return on line 1').fill('7');
      await choose(page, line, 'Grade on line 1', /^Damaged$/);
      await modal.getByTestId('return-reason').fill('Customer: sacks wet on arrival');
      // more than was issued: the server names the line's quantity
      await modal.getByTestId('return-submit').click();
      await expect.poll(() => line.getByLabel('Return on line 1').getAttribute('aria-invalid')).toBe('true');
      expect(await modal.textContent()).toContain('at most 5 of line 1 left to return');
      await line.getByLabel('Return on line 1').fill('2');
      await screenshot(page, '34-return-of-issue');
      await modal.getByTestId('return-submit').click();
      await page.getByTestId('notify-success').filter({ hasText: 'back in stock' }).waitFor();
      await modal.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await drawer.getByTestId('document-returns').textContent()) ?? '').toMatch(/RTN-\d{6}/);

      const doc = await api.get<{ returnedByLine: Array<{ line: number; qty: string }>; returns: Array<{ id: string }> }>(`/api/stock/documents/${issue.id}`);
      expect(doc.returnedByLine).toEqual([{ line: 1, qty: '2' }]);
      const ret = await api.get<{ entries: Array<{ qty: string; grade: string; value: string }> }>(`/api/stock/documents/${doc.returns[0]!.id}`);
      const issuedUnit = Number(issue.entries[0]!.value) / -5; // the test's own expectation only
      expect(ret.entries).toEqual([expect.objectContaining({ qty: '2', grade: 'damaged' })]);
      expect(Number(ret.entries[0]!.value)).toBeCloseTo(2 * issuedUnit, 6);
    } finally {
      await context.close();
    }
  });

  it('a lot trace follows flour into the bread baked from it and out to where the bread went', async () => {
    const { context, page } = await signedIn('operator');
    try {
      await page.goto(`${env.server.url}/inventory/lots`);
      await page.locator('[data-testid="lot-row"][data-code="FL-2611-B"]').getByTestId('trace-lot').click();
      const drawer = page.getByRole('dialog', { name: 'Trace of lot FL-2611-B' });
      const backward = drawer.getByTestId('trace-backward');
      await backward.getByTestId('trace-row').first().waitFor();
      expect(await backward.getByTestId('trace-row').getAttribute('data-type')).toBe('receipt');
      const forward = drawer.getByTestId('trace-forward').getByTestId('trace-row');
      await expect.poll(() => forward.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')))).toEqual(['production', 'issue', 'transfer', 'return']);
      const text = (await drawer.getByTestId('trace-forward').textContent()) ?? '';
      for (const part of ['BR-2611-01', '150', 'sold: market stall', 'CUST-NORWOOD', '−2', 'crushed in the crate']) expect(text).toContain(part);
      await screenshot(page, '35-lot-trace');
    } finally {
      await context.close();
    }
  });

  it('an operator sees the inventory pages, kept current live, but cannot adjust, count or cancel', async () => {
    const { context, page } = await signedIn('operator');
    try {
      await page.getByTestId('nav-inventory').click();
      await page.waitForURL((u) => pathOf(u.href) === '/inventory');
      const card = page.locator('[data-testid="stock-card"][data-code="FLOUR"]');
      await card.waitFor();
      expect(await card.getByTestId('store-qty').textContent()).toMatch(/\d/);
      expect(await page.getByTestId('adjust-button').count()).toBe(0);
      await screenshot(page, '39-inventory-operator');

      // stock received elsewhere shows up on the open overview through the live stream
      const store = figure(await card.getByTestId('store-qty').textContent());
      const other = await apiSession(env.server.url, 'supervisor');
      const lots = await other.get<{ items: Array<{ code: string; id: string; variantId: string }> }>('/api/lots?q=FL-2611-A');
      const locations = await other.get<{ items: Array<{ code: string; id: string }> }>('/api/locations?q=MAIN-A-01');
      const lot = lots.items.find((l) => l.code === 'FL-2611-A')!;
      const slot = locations.items.find((l) => l.code === 'MAIN-A-01')!;
      await other.post('/api/stock/receipts', { lines: [{ variantId: lot.variantId, locationId: slot.id, lotId: lot.id, grade: 'good', qty: '10', unitCost: '0.9' }] });
      await expect.poll(async () => figure(await card.getByTestId('store-qty').textContent())).toBe(store + 10);

      // filtered by product type: only the PCBs; cleared, the flour is back
      await choose(page, page, 'Product type', /^PCB$/);
      await expect.poll(async () => page.getByTestId('stock-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code')))).toEqual(['CTRL-BOARD']);
      await page.getByTestId('stock-category-clear').click();
      await card.waitFor();

      await page.getByTestId('inventory-tab-ledger').click();
      await page.getByTestId('ledger-row').first().waitFor();
      expect(await page.getByTestId('count-button').count()).toBe(0);
      await page.getByTestId('open-document').first().click();
      await page.getByTestId('document-entry').first().waitFor();
      expect(await page.getByTestId('cancel-document').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
