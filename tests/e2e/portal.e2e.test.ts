import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiSession, choose, e2eEnvironment, openSignedIn, screenshot } from './helpers';

const env = e2eEnvironment();

type Api = Awaited<ReturnType<typeof apiSession>>;
interface Request { id: string; number: string; status: string; poId: string | null; poNumber: string | null; shipmentId: string }

/**
 * Through the API as admin, for the demo customer user `customer` (of NORWOOD, a consignee in the
 * demo data): its own brand and product, and an inventoried shipment whose one box holds 5,000
 * units, 200 of them found damaged — 4,800 good units the customer can request.
 */
async function norwoodShipment(admin: Api, tag: string) {
  const customers = await admin.get<{ items: Array<{ id: string; code: string }> }>('/api/customers?q=NORWOOD');
  const norwood = customers.items.find((c) => c.code === 'NORWOOD')!;
  await admin.post('/api/stamping/consignees', { customerId: norwood.id }); // already one in the demo data: a no-op
  const brand = await admin.post<{ id: string }>('/api/stamping/brands', { code: `${tag}-BR`, name: `${tag} Brand` });
  const product = await admin.post<{ variants: Array<{ variantId: string; label: string }> }>('/api/stamping/products', { brandId: brand.id, flavour: `${tag} Grape`, volumesMl: ['30'], strengthsMg: ['20'] });
  const variant = product.variants[0]!;
  const shipment = await admin.post<{ id: string; number: string }>('/api/stamping/shipments', { customerId: norwood.id, number: `SHP-${tag}`, packingList: [{ variantId: variant.variantId, qty: '5000' }] });
  await admin.post(`/api/stamping/shipments/${shipment.id}/boxes`, { brandId: brand.id, boxNo: 1, lines: [{ variantId: variant.variantId, rawQty: '5000', damagedQty: '200' }] });
  await admin.post(`/api/stamping/shipments/${shipment.id}/inventoried`, {});
  return { variant, shipment };
}

const row = (page: Page, label: string) => page.locator(`[data-testid="request-grid-row"][data-label="${label}"]`);

describe('the customer portal', () => {
  it('a customer requests production, the plant approves it in its inbox, and the customer sees the PO arrive live', async () => {
    const admin = await apiSession(env.server.url, 'admin');
    const tag = `P${Date.now().toString(36).toUpperCase()}`;
    const { variant, shipment } = await norwoodShipment(admin, tag);
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'customer');
    const plant = await openSignedIn(env.browser, env.server.url, 'admin');
    try {
      await page.getByTestId('nav-portal').click();
      await page.waitForURL((u) => new URL(u.href).pathname === '/portal');
      await page.getByTestId('portal-tab-shipments').click();
      await page.locator(`[data-testid="portal-shipment-row"][data-number="SHP-${tag}"]`).getByTestId('portal-shipment-good').filter({ hasText: '4,800' }).waitFor();

      // the grid: one row per variant with its own mL and mg; remaining shrinks, red when over
      await page.getByTestId('new-request').click();
      const modal = page.getByRole('dialog', { name: 'New production request' });
      await choose(page, modal, 'Shipment', new RegExp(`^SHP-${tag}`));
      const grid = row(page, variant.label);
      await grid.waitFor();
      const remaining = grid.getByTestId('request-remaining');
      expect(await remaining.getAttribute('data-remaining')).toBe('4800');
      await grid.getByRole('textbox', { name: `${variant.label} — Ontario` }).fill('1000');
      await expect.poll(() => remaining.getAttribute('data-remaining')).toBe('3800');
      await grid.getByRole('textbox', { name: `${variant.label} — Federal` }).fill('5000');
      await expect.poll(() => remaining.getAttribute('data-over')).toBe('true');
      // a day with less room than the 6,000 units asked for is still offered, marked
      const offered = (await (await apiSession(env.server.url, 'customer')).get<{ items: Array<{ day: string; free: string }> }>('/api/portal/slots')).items;
      const marked = await page.getByTestId('slot').evaluateAll((chips) => chips.map((c) => [c.getAttribute('data-day'), c.getAttribute('data-short')]));
      expect(marked).toEqual(offered.map((s) => [s.day, Number(s.free) < 6000 ? 'true' : null]));
      await page.getByTestId('slot').first().click();
      await modal.getByTestId('request-delivery-details').fill('Deliver to dock B, call on arrival');
      await screenshot(page, '96-portal-request-form');
      await grid.getByRole('textbox', { name: `${variant.label} — Federal` }).fill('500');
      await expect.poll(() => remaining.getAttribute('data-remaining')).toBe('3300');
      const day = (await page.locator('[data-testid="slot"] input:checked').getAttribute('value'))!;
      const deliveryDate = new Date(Date.parse(`${day}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      await modal.getByTestId('request-delivery-date').fill(deliveryDate);

      // offline: the submit fails at once with the network's reason, and nothing goes out later
      await page.context().setOffline(true);
      await modal.getByTestId('request-submit').click();
      await modal.getByTestId('request-failure').waitFor();
      expect(await modal.getByTestId('request-failure').textContent()).toContain('Network error');
      await page.context().setOffline(false);
      await page.waitForTimeout(500);
      expect((await admin.get<{ items: Request[] }>('/api/stamping/requests')).items.filter((r) => r.shipmentId === shipment.id)).toHaveLength(0);

      // the first answer is lost on the way back: the server has the request, the browser does
      // not know it, so it shows the failure and keeps the draft; the retry reuses the key
      const keys: string[] = [];
      let lose = true;
      await page.route('**/api/portal/requests', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (!lose) return route.continue();
        lose = false;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await modal.getByTestId('request-submit').click();
      const failure = modal.getByTestId('request-failure');
      await failure.waitFor();
      expect(await failure.textContent()).toContain('Network error');
      expect(await modal.getByTestId('receipt-link').count()).toBe(0);
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shopfloor.portal.request-draft.')));
      expect(stored).toHaveLength(1);
      await modal.getByTestId('request-submit').click();
      const confirmed = modal.getByTestId('request-confirmed');
      await confirmed.waitFor();
      expect(keys).toHaveLength(2);
      expect(keys[0]).toBe(keys[1]);
      const mine = (await admin.get<{ items: Request[] }>('/api/stamping/requests')).items.filter((r) => r.shipmentId === shipment.id);
      expect(mine).toHaveLength(1);
      const request = mine[0]!;
      expect(await confirmed.textContent()).toContain(request.number);
      const receipt = modal.getByTestId('receipt-link');
      expect(await receipt.getAttribute('href')).toBe(`/api/portal/requests/${request.id}/receipt.pdf`);
      const pdf = await page.request.get(`/api/portal/requests/${request.id}/receipt.pdf`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('shopfloor.portal.request-draft.')).length)).toBe(0);
      await screenshot(page, '97-portal-request-received');
      await modal.getByTestId('request-done').click();
      await page.locator(`[data-testid="portal-request"][data-number="${request.number}"][data-status="pending"]`).waitFor();
      await page.getByTestId('portal-tab-orders').click();

      // the plant: the inbox on the Production Orders page, lines a click away, the truck chip
      const admin2 = plant.page;
      await admin2.getByTestId('nav-orders').click();
      await admin2.waitForURL((u) => new URL(u.href).pathname === '/stamping/orders');
      const item = admin2.locator(`[data-testid="inbox-request"][data-number="${request.number}"]`);
      await item.waitFor();
      expect(await item.getByTestId('delivery-chip').textContent()).toContain('dock B');
      await item.getByTestId('inbox-expand').click();
      const lines = item.getByTestId('request-line');
      await expect.poll(() => lines.count()).toBe(2);
      expect(await item.getByTestId('request-lines-panel').locator('th').allTextContents()).toEqual(['Brand', 'Product', 'Flavour', 'mL', 'Nic', 'Region', 'Qty']);
      expect(await item.getByTestId('delivery-panel').textContent()).toContain('dock B');
      await screenshot(admin2, '98-plant-request-inbox');
      await item.getByTestId('inbox-approve').click();
      await admin2.getByTestId('notify-success').filter({ hasText: `${request.number} approved` }).waitFor();
      await item.waitFor({ state: 'detached' });

      // the customer's open portal learns of it through the live stream: the PO, on the day asked
      const approved = await admin.get<Request>(`/api/stamping/requests/${request.id}`);
      expect(approved).toMatchObject({ status: 'approved', poNumber: expect.stringMatching(/^PO-/) });
      const poRow = page.locator(`[data-testid="portal-po-row"][data-number="${approved.poNumber}"]`);
      await poRow.waitFor();
      expect(await poRow.getAttribute('data-status')).toBe('open');
      const po = await admin.get<{ day: string; totalQty: string; notes: string }>(`/api/stamping/orders/${approved.poId}`);
      expect(po).toMatchObject({ day, totalQty: '1500' });
      expect(po.notes).toContain('dock B');
      await screenshot(page, '99-portal-po-live');
      await page.getByTestId('portal-tab-requests').click();
      const card = page.locator(`[data-testid="portal-request"][data-number="${request.number}"]`);
      expect(await card.getAttribute('data-status')).toBe('approved');
      expect(await card.getByTestId('request-po').textContent()).toBe(approved.poNumber);

      // a proposal arrives live with Accept / Decline; accepting makes the PO on the proposed day
      const api = await apiSession(env.server.url, 'customer');
      const slots = (await api.get<{ items: Array<{ day: string }> }>('/api/portal/slots')).items.map((s) => s.day);
      const ask = (qty: string) => api.post<Request>('/api/portal/requests', { shipmentId: shipment.id, requestedDay: slots[0], lines: [{ variantId: variant.variantId, regionCode: 'quebec', qty }] });
      const proposed = await ask('400');
      // the plant's Modify dialog names the region as the rest of the inbox does, not by its code
      const asked = admin2.locator(`[data-testid="inbox-request"][data-number="${proposed.number}"]`);
      await asked.getByTestId('inbox-modify').click();
      const modify = admin2.getByRole('dialog', { name: `Propose changes to ${proposed.number}` });
      await modify.waitFor();
      expect(await modify.getByTestId('modify-region').allTextContents()).toEqual(['Quebec']);
      await admin2.keyboard.press('Escape');
      await modify.waitFor({ state: 'hidden' });
      await admin.post(`/api/stamping/requests/${proposed.id}/modify`, { proposedDay: slots[2], lines: [{ lineNo: 1, proposedQty: '300' }] });
      const proposal = page.locator(`[data-testid="portal-request"][data-number="${proposed.number}"]`).getByTestId('request-proposal');
      await proposal.waitFor();
      expect(await proposal.getByTestId('proposed-qty').textContent()).toBe('300');
      await proposal.getByTestId('proposal-accept').click();
      await page.locator(`[data-testid="portal-request"][data-number="${proposed.number}"][data-status="approved"]`).waitFor();
      const accepted = await admin.get<Request>(`/api/stamping/requests/${proposed.id}`);
      // said once the server has it, though the proposal it answered is gone from the screen
      await page.getByTestId('notify-success').filter({ hasText: `Accepted: ${accepted.poNumber} is planned` }).waitFor();
      expect(await admin.get<{ day: string; totalQty: string }>(`/api/stamping/orders/${accepted.poId}`)).toMatchObject({ day: slots[2], totalQty: '300' });

      // a rejection shows its reason
      const refused = await ask('10');
      await admin.post(`/api/stamping/requests/${refused.id}/reject`, { reason: 'Quebec stamps arrive next week' });
      const reason = page.locator(`[data-testid="portal-request"][data-number="${refused.number}"]`).getByTestId('request-reject-reason');
      await reason.waitFor();
      expect(await reason.textContent()).toContain('Quebec stamps arrive next week');
    } finally {
      await plant.context.close();
      await context.close();
    }
  });
});
