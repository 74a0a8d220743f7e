import { describe, expect, it } from 'vitest';
import { apiSession, choose, e2eEnvironment, openSignedIn, screenshot } from './helpers';

const env = e2eEnvironment();

interface Variant { variantId: string; strengthMg: string; label: string }

/**
 * Stamping data of its own, made through the API as a supervisor would: two brands that both
 * number a box 10, a product each, Norwood as consignee and a shipment of 1,000 units.
 */
async function stampingShipment(baseURL: string) {
  const sup = await apiSession(baseURL, 'supervisor');
  const orbito = await sup.post<{ id: string }>('/api/stamping/brands', { code: 'E2E-ORB', name: 'E2E Orbito' });
  const linvo = await sup.post<{ id: string }>('/api/stamping/brands', { code: 'E2E-LIN', name: 'E2E Linvo' });
  const bluerasp = await sup.post<{ variants: Variant[] }>('/api/stamping/products', { brandId: orbito.id, flavour: 'Blueberry Raspberry', volumesMl: ['30'], strengthsMg: ['10', '20'] });
  const grape = await sup.post<{ variants: Variant[] }>('/api/stamping/products', { brandId: linvo.id, flavour: 'Grape Ice', volumesMl: ['30'], strengthsMg: ['10'] });
  const customers = await sup.get<{ items: Array<{ id: string; code: string }> }>('/api/customers?q=NORWOOD');
  await sup.post('/api/stamping/consignees', { customerId: customers.items.find((c) => c.code === 'NORWOOD')!.id });
  const bluerasp20 = bluerasp.variants.find((v) => v.strengthMg === '20')!;
  const shipment = await sup.post<{ id: string; number: string }>('/api/stamping/shipments', {
    customerId: customers.items.find((c) => c.code === 'NORWOOD')!.id,
    reference: 'BOL-E2E-1',
    packingList: [{ variantId: bluerasp20.variantId, qty: '1000' }],
    expectedBoxes: [{ brandId: orbito.id, count: 12 }, { brandId: linvo.id, count: 12 }],
  });
  return { sup, shipment, orbito, linvo, bluerasp20, grape10: grape.variants[0]! };
}

describe('stamping receiving', () => {
  it('a supervisor adds a brand and a product in setup, then announces a shipment with the dialog', async () => {
    // a customer account of its own (the demo customers are consignees already)
    const admin = await apiSession(env.server.url, 'admin');
    await admin.post('/api/customers', { code: 'E2E-VAPE', name: 'E2E Vape Supply' });
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      await page.goto('/stamping/setup');
      await page.getByTestId('add-brand').click();
      const brandModal = page.getByRole('dialog', { name: 'Add brand' });
      await brandModal.getByLabel('Name').fill('Setup Vapeco');
      await brandModal.getByLabel('Code').fill('SET-VAP');
      await brandModal.getByTestId('brand-submit').click();
      await page.locator('[data-testid="brand-row"][data-code="SET-VAP"]').waitFor();

      await page.getByTestId('setup-tab-products').click();
      await page.getByTestId('add-product').click();
      const productModal = page.getByRole('dialog', { name: 'Add product' });
      await choose(page, productModal, 'Brand', /^Setup Vapeco$/);
      await productModal.getByLabel('Flavour').fill('Mango Chill');
      await productModal.getByLabel('Volumes (mL)').fill('30');
      await productModal.getByLabel('Strengths (mg)').fill('10, 20');
      await productModal.getByTestId('product-submit').click();
      await page.locator('[data-testid="product-row"][data-label="Mango Chill — Setup Vapeco · 30mL · 20mg"]').waitFor();
      await page.locator('[data-testid="product-row"][data-label="Mango Chill — Setup Vapeco · 30mL · 10mg"]').waitFor();

      await page.getByTestId('setup-tab-consignees').click();
      await page.getByTestId('add-consignee').click();
      const consigneeModal = page.getByRole('dialog', { name: 'Set up customer as consignee' });
      await choose(page, consigneeModal, 'Customer', /^E2E Vape Supply/);
      await consigneeModal.getByTestId('consignee-submit').click();
      await page.locator('[data-testid="consignee-row"][data-code="E2E-VAPE"]').waitFor();
      await consigneeModal.waitFor({ state: 'hidden' });
      expect(await page.locator('[data-testid="consignee-row"][data-code="E2E-VAPE"]').textContent()).toContain('CONS-E2E-VAPE');
      await screenshot(page, '72-stamping-setup-consignees');

      await page.goto('/stamping/shipments');
      await page.getByTestId('new-shipment').click();
      const dialog = page.getByRole('dialog', { name: 'New shipment' });
      await choose(page, dialog, 'Consignee', /^E2E Vape Supply/);
      await dialog.getByLabel('Reference').fill('ASN-SETUP-1');
      await dialog.getByRole('combobox', { name: 'Product 1' }).click();
      // every option names flavour, brand, volume and strength
      await page.getByRole('option', { name: 'Mango Chill — Setup Vapeco · 30mL · 10mg' }).waitFor();
      await page.getByRole('option', { name: 'Mango Chill — Setup Vapeco · 30mL · 20mg' }).click();
      await dialog.getByLabel('Quantity 1').fill('240');
      await dialog.getByTestId('add-box-row').click();
      await choose(page, dialog, 'Brand 1', /^Setup Vapeco$/);
      await dialog.getByLabel('Box count 1').fill('4');
      await screenshot(page, '73-stamping-new-shipment');
      await dialog.getByTestId('new-shipment-submit').click();
      await page.waitForURL((u) => /^\/stamping\/shipments\/[0-9a-f-]{36}$/.test(new URL(u.href).pathname));
      await expect.poll(() => page.getByTestId('shipment-box-counts').textContent()).toContain('4 expected');
      expect(await page.locator('[data-testid="availability-row"][data-label="Mango Chill — Setup Vapeco · 30mL · 20mg"]').getAttribute('data-available')).toBe('240');
    } finally {
      await context.close();
    }
  });

  it('an operator sees setup but cannot add to it', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'operator');
    try {
      await page.goto('/stamping/setup');
      await page.getByTestId('brands-table').waitFor();
      expect(await page.getByTestId('add-brand').count()).toBe(0);
      await page.goto('/stamping/shipments');
      await page.getByTestId('shipments-table').waitFor();
      expect(await page.getByTestId('new-shipment').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('an operator scans boxes, picks the brand of a shared number, and watches availability follow', async () => {
    const { sup, shipment, orbito, bluerasp20, grape10 } = await stampingShipment(env.server.url);
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'operator');
    try {
      await page.goto(`/stamping/shipments/${shipment.id}`);
      await page.getByTestId('shipment-detail').waitFor();
      const avail = page.locator(`[data-testid="availability-row"][data-label="${bluerasp20.label}"]`);
      // nothing scanned yet: the packing list is what production can plan against
      await expect.poll(() => avail.getAttribute('data-available')).toBe('1000');
      expect(await avail.textContent()).toContain('Packing list');
      expect(await page.getByTestId('shipment-status').textContent()).toBe('Expected');

      // the scanner types 10 and Enter: two brands use box 10, so the operator is asked which
      const scanInput = page.getByTestId('box-scan-input');
      await scanInput.fill('10');
      await scanInput.press('Enter');
      const choice = page.getByTestId('choose-brand');
      await choice.waitFor();
      expect((await choice.getByTestId('pick-brand').allTextContents()).sort()).toEqual(['E2E Linvo #10', 'E2E Orbito #10']);
      await choice.locator('[data-brand="E2E Orbito"]').click();

      // the box opens with the brand's product from the packing list already chosen
      const form = page.locator('[data-testid="box-receive-form"][data-box="E2E Orbito #10"]');
      await form.waitFor();
      expect(await form.getByRole('combobox', { name: 'Product 1' }).inputValue()).toBe(bluerasp20.label);
      await form.getByLabel('Raw 1').fill('1000');
      await form.getByLabel('Damaged 1').fill('1001');
      expect(await form.getByTestId('line-good').textContent()).toBe('−1');
      await form.getByTestId('receive-box-submit').click();
      await expect.poll(() => form.getByLabel('Damaged 1').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Damaged 1').fill('100');
      await form.getByLabel('Damage note 1').fill('crushed on the pallet');
      expect(await form.getByTestId('line-good').textContent()).toBe('900');
      await screenshot(page, '70-stamping-box-open');
      await form.getByTestId('receive-box-submit').click();
      await page.getByTestId('notify-success').filter({ hasText: 'Box E2E Orbito #10 received: 900 good, 100 damaged' }).waitFor();

      // 1,000 with 100 found damaged offers 900; the shipment is being received
      await expect.poll(() => avail.getAttribute('data-available')).toBe('900');
      expect(await avail.textContent()).toContain('Received');
      await expect.poll(() => page.getByTestId('shipment-status').textContent()).toBe('Receiving');
      const orbitoTen = page.locator('[data-testid="box-row"][data-box="E2E Orbito #10"]');
      await expect.poll(() => orbitoTen.getAttribute('data-status')).toBe('received');
      expect(await orbitoTen.textContent()).toContain('100 found damaged');
      expect(await page.locator('[data-testid="box-row"][data-box="E2E Linvo #10"]').getAttribute('data-status')).toBe('expected');

      // with the brand filter set, 10 opens Linvo's box at once; a mixed box gets a second line
      await choose(page, page, 'Filter by brand', /^E2E Linvo$/);
      await scanInput.fill('10');
      await scanInput.press('Enter');
      const linvoForm = page.locator('[data-testid="box-receive-form"][data-box="E2E Linvo #10"]');
      await linvoForm.waitFor();
      await choose(page, linvoForm, 'Product 1', new RegExp(`^${grape10.label}$`));
      await linvoForm.getByLabel('Raw 1').fill('48');
      await linvoForm.getByLabel('Missing 1').fill('2');
      await linvoForm.getByTestId('add-box-line').click();
      await choose(page, linvoForm, 'Product 2', new RegExp(`^${bluerasp20.label}$`));
      await linvoForm.getByLabel('Raw 2').fill('5');
      await linvoForm.getByTestId('receive-box-submit').click();
      await page.getByTestId('notify-success').filter({ hasText: 'Box E2E Linvo #10 received: 51 good, 2 missing' }).waitFor();
      await expect.poll(() => avail.getAttribute('data-available')).toBe('905');
      const grapeAvail = page.locator(`[data-testid="availability-row"][data-label="${grape10.label}"]`);
      await expect.poll(() => grapeAvail.getAttribute('data-available')).toBe('46');

      // a box received at another station reaches this screen through the live stream
      await sup.post(`/api/stamping/shipments/${shipment.id}/boxes`, { brandId: orbito.id, boxNo: 11, lines: [{ variantId: bluerasp20.variantId, rawQty: '95' }] });
      await expect.poll(() => avail.getAttribute('data-available')).toBe('1000');
      await expect.poll(() => page.locator('[data-testid="box-row"][data-box="E2E Orbito #11"]').getAttribute('data-status')).toBe('received');
      await screenshot(page, '71-stamping-received');

      // receiving closes; the scan form goes away
      await page.getByTestId('mark-inventoried').click();
      await page.getByRole('dialog', { name: `Mark ${shipment.number} inventoried` }).getByTestId('confirm').click();
      await expect.poll(() => page.getByTestId('shipment-status').textContent()).toBe('Inventoried');
      await page.getByTestId('box-scan').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});
