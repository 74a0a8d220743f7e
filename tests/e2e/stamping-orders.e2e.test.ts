import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiSession, choose, e2eEnvironment, openSignedIn, pathOf, screenshot } from './helpers';

const env = e2eEnvironment();

type Api = Awaited<ReturnType<typeof apiSession>>;
interface Po { id: string; number: string; day: string | null; totalQty: string }

/**
 * Through the API as admin: a tax region (the demo data may already have them), a consignee, a
 * brand with one product, and an inventoried shipment whose one box holds 5,000 units, 200 of
 * them found damaged — so 4,800 are available to production orders.
 */
async function inventoriedShipment(admin: Api, tag: string) {
  const regions = await admin.get<{ items: Array<{ code: string; name: string; active: boolean }> }>('/api/stamping/regions');
  const region = regions.items.find((r) => r.active) ?? (await admin.post<{ code: string; name: string }>('/api/stamping/regions', { code: 'ontario', name: 'Ontario', colour: 'blue' }));
  const customer = await admin.post<{ id: string; code: string }>('/api/customers', { code: `${tag}-CUS`, name: `${tag} Consignee` });
  await admin.post('/api/stamping/consignees', { customerId: customer.id });
  const brand = await admin.post<{ id: string }>('/api/stamping/brands', { code: `${tag}-BR`, name: `${tag} Brand` });
  const product = await admin.post<{ variants: Array<{ variantId: string; label: string }> }>('/api/stamping/products', { brandId: brand.id, flavour: `${tag} Grape`, volumesMl: ['30'], strengthsMg: ['20'] });
  const variant = product.variants[0]!;
  const shipment = await admin.post<{ id: string; number: string }>('/api/stamping/shipments', { customerId: customer.id, number: `SHP-${tag}`, packingList: [{ variantId: variant.variantId, qty: '5000' }] });
  await admin.post(`/api/stamping/shipments/${shipment.id}/boxes`, { brandId: brand.id, boxNo: 1, lines: [{ variantId: variant.variantId, rawQty: '5000', damagedQty: '200' }] });
  await admin.post(`/api/stamping/shipments/${shipment.id}/inventoried`, {});
  return { region, customer, variant, shipment };
}

const tile = (page: Page, day: string) => page.locator(`[data-testid="calendar-day"][data-day="${day}"]`);
const chipOn = (scope: Locator, number: string) => scope.locator(`[data-testid="po-chip"][data-number="${number}"]`);

describe('production orders', () => {
  it('a planner creates a PO from a shipment, drags it onto the calendar and to another day', async () => {
    const admin = await apiSession(env.server.url, 'admin');
    const tag = `E2E${Date.now().toString(36).toUpperCase()}`;
    const { region, customer, shipment } = await inventoriedShipment(admin, tag);
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'admin');
    try {
      await page.getByTestId('nav-orders').click();
      await page.waitForURL((u) => pathOf(u.href) === '/stamping/orders');
      await page.getByTestId('capacity-calendar').waitFor();

      // the New PO form: only the shipment's products, each beside what is still available
      await page.getByTestId('new-po').click();
      const modal = page.getByRole('dialog', { name: 'New production order' });
      await modal.waitFor();
      await choose(page, modal, 'Source shipment', new RegExp(`^SHP-${tag} — `));
      await choose(page, modal, 'Product 1', new RegExp(`^${tag} Grape — ${tag} Brand · 30mL · 20mg$`));
      await choose(page, modal, 'Region 1', new RegExp(`^${region.name}$`));
      const rows = modal.getByTestId('po-line-row');
      await expect.poll(() => rows.nth(0).getByTestId('line-available').getAttribute('data-available')).toBe('4800');
      await modal.getByLabel('Quantity 1').fill('3000');

      // a second row of the same product sees what the first one already takes
      await modal.getByTestId('add-po-line').click();
      await choose(page, modal, 'Product 2', new RegExp(`^${tag} Grape`));
      await expect.poll(() => rows.nth(1).getByTestId('line-available').getAttribute('data-available')).toBe('1800');
      await modal.getByLabel('Quantity 2').fill('2000');
      await expect.poll(() => rows.nth(1).getByTestId('line-available').getAttribute('data-exceeds')).toBe('true');
      expect(await rows.nth(0).getByTestId('line-available').getAttribute('data-available')).toBe('2800');
      await screenshot(page, '80-new-po-form');
      await modal.getByLabel('Remove line 2').click();
      await expect.poll(() => rows.nth(0).getByTestId('line-available').getAttribute('data-available')).toBe('4800');

      await modal.getByTestId('po-submit').click();
      const created = page.getByTestId('notify-success').filter({ hasText: 'created (unscheduled)' });
      await created.waitFor();
      await modal.waitFor({ state: 'hidden' });
      const list = await admin.get<{ items: Po[] }>(`/api/stamping/orders?shipmentId=${shipment.id}`);
      expect(list.items).toHaveLength(1);
      const po = list.items[0]!;
      expect(po.totalQty).toBe('3000');
      expect(await created.textContent()).toContain(po.number);

      // it waits in the Unscheduled tray; drag it onto a working day of this week
      const tray = page.getByTestId('unscheduled-tray');
      const trayChip = chipOn(tray, po.number);
      await trayChip.waitFor();
      expect(await trayChip.textContent()).toContain(customer.code);
      const working = page.locator('[data-testid="calendar-day"][data-working="true"]');
      await expect.poll(() => working.count()).toBeGreaterThanOrEqual(2);
      const [first, second] = [await working.nth(0).getAttribute('data-day'), await working.nth(1).getAttribute('data-day')] as [string, string];
      await trayChip.dragTo(tile(page, first));
      await chipOn(tile(page, first), po.number).waitFor();
      await expect.poll(async () => (await admin.get<Po>(`/api/stamping/orders/${po.id}`)).day).toBe(first);
      expect(await chipOn(tray, po.number).count()).toBe(0);

      // and from that day to the next working one: the server moves it, then the chip follows
      await chipOn(tile(page, first), po.number).dragTo(tile(page, second));
      await chipOn(tile(page, second), po.number).waitFor();
      await expect.poll(async () => (await admin.get<Po>(`/api/stamping/orders/${po.id}`)).day).toBe(second);
      expect(await chipOn(tile(page, first), po.number).count()).toBe(0);
      expect(await chipOn(tile(page, second), po.number).getAttribute('data-regions')).toBe(region.code);
      await screenshot(page, '81-po-calendar');

      // a move made elsewhere reaches the open calendar through the live stream
      await admin.post(`/api/stamping/orders/${po.id}/schedule`, { day: first });
      await chipOn(tile(page, first), po.number).waitFor();
      expect(await chipOn(tile(page, second), po.number).count()).toBe(0);

      // clicking the day shows its queue with a link to the PO; the tile itself does not navigate
      await tile(page, first).getByTestId('day-capacity').click();
      const drawer = page.getByRole('dialog').filter({ has: page.getByTestId('day-drawer-pos') });
      await drawer.locator(`[data-testid="day-drawer-po"][data-number="${po.number}"]`).waitFor();
      expect(pathOf(page.url())).toBe('/stamping/orders');
      // the drawer's list may re-render under the click as the live move lands: click again until it navigates
      const detail = `/stamping/orders/${po.id}`;
      await expect.poll(async () => {
        if (pathOf(page.url()) !== detail) await drawer.getByRole('link', { name: po.number }).click({ timeout: 5000 }).catch(() => undefined);
        return pathOf(page.url());
      }, { timeout: 20_000, interval: 1000 }).toBe(detail);
      await page.getByTestId('po-detail-status').waitFor();
      expect(await page.getByTestId('po-line-qty').first().textContent()).toBe('3,000');
      await page.getByTestId('po-schedule').waitFor();
      await screenshot(page, '82-po-detail');
    } finally {
      await context.close();
    }
  });
});
