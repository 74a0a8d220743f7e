import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDay } from '../../src/server/planning';
import { apiSession, choose, e2eEnvironment, figure, openSignedIn, pathOf, screenshot } from './helpers';

const env = e2eEnvironment();

type Api = Awaited<ReturnType<typeof apiSession>>;
interface Po { id: string; number: string; status: string; day: string | null; customerId: string }

/**
 * Through the API as admin: a tax region of its own (so its stamp balance is exactly what this
 * test receives), a consignee, a brand with one product, and an inventoried shipment of three
 * boxes of 100 (box 2 has 5 found damaged on arrival: 95 good). 250 stamps are received, so
 * after boxes 1 (2 damaged in production: 98) and 2 (95) only 57 are left for box 3's 100.
 * The PO asks for all 295 good units on the first working day from today.
 */
async function runSetup(admin: Api, tag: string) {
  const region = await admin.post<{ code: string; name: string }>('/api/stamping/regions', { code: `r${tag.toLowerCase()}`, name: `${tag} Region`, colour: 'cyan' });
  const customer = await admin.post<{ id: string; code: string }>('/api/customers', { code: `${tag}-CUS`, name: `${tag} Consignee` });
  await admin.post('/api/stamping/consignees', { customerId: customer.id });
  const brand = await admin.post<{ id: string; name: string }>('/api/stamping/brands', { code: `${tag}-BR`, name: `${tag} Brand` });
  const product = await admin.post<{ variants: Array<{ variantId: string; label: string }> }>('/api/stamping/products', { brandId: brand.id, flavour: `${tag} Grape`, volumesMl: ['30'], strengthsMg: ['20'] });
  const variant = product.variants[0]!;
  const shipment = await admin.post<{ id: string }>('/api/stamping/shipments', { customerId: customer.id, number: `SHP-${tag}`, packingList: [{ variantId: variant.variantId, qty: '300' }] });
  for (const [boxNo, damagedQty] of [[1, '0'], [2, '5'], [3, '0']] as const) {
    await admin.post(`/api/stamping/shipments/${shipment.id}/boxes`, { brandId: brand.id, boxNo, lines: [{ variantId: variant.variantId, rawQty: '100', damagedQty }] });
  }
  await admin.post(`/api/stamping/shipments/${shipment.id}/inventoried`, {});
  await admin.post('/api/stamping/stamp-orders', { regionCode: region.code, qty: '250', received: true });

  const today = localDay(new Date());
  const week = await admin.get<{ days: Array<{ day: string; working: boolean }> }>(`/api/stamping/calendar?from=${today}&to=${addDays(today, 10)}`);
  const day = week.days.find((d) => d.working && d.day >= today)!.day;
  const { po } = await admin.post<{ po: Po }>('/api/stamping/orders', {
    shipmentId: shipment.id, day, notes: `Check the seals on ${tag} cartons`, lines: [{ variantId: variant.variantId, regionCode: region.code, qty: '295' }],
  });
  return { region, brand, variant, po, day, today };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Types a box number as a barcode scanner does (digits, then Enter) and waits for the box. */
async function scan(page: Page, boxNo: number) {
  const input = page.getByTestId('scan-input');
  await input.fill(String(boxNo));
  await input.press('Enter');
  await page.locator(`[data-testid="scanned-box"][data-box-no="${boxNo}"]`).waitFor();
}

/** A screenshot once modal transitions have run (finite animations only: the live dot pulses forever). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getComputedTiming().endTime === Infinity || a.playState !== 'running'));
  await screenshot(page, name);
}

/** The verifier's verify page of a PO, once its line of the region shows. */
async function openVerify(poId: string, regionCode: string) {
  const ver = await openSignedIn(env.browser, env.server.url, 'verifier');
  const vp = ver.page;
  await vp.goto(`/stamping/orders/${poId}/verify`);
  const line = vp.locator(`[data-testid="verify-line"][data-region="${regionCode}"]`);
  await line.waitFor();
  return { ver, vp, line };
}

const counter = (page: Page, region: string) => page.locator(`[data-testid="day-counter"][data-region="${region}"]`);

describe('the stamp run', () => {
  it('an operator scans, confirms, builds skids and overrides a shortage; a verifier completes the order', async () => {
    const admin = await apiSession(env.server.url, 'admin');
    const tag = `E2E${Date.now().toString(36).toUpperCase()}`;
    const { region, brand, variant, po, day, today } = await runSetup(admin, tag);
    expect(po.day).toBe(day);

    const op = await openSignedIn(env.browser, env.server.url, 'operator');
    const page = op.page;
    try {
      // Production shows the day's queue; another day's queue through ?day= (a weekend today)
      await page.getByTestId('nav-workstation').click();
      await page.waitForURL((u) => pathOf(u.href) === '/stamping/workstation');
      if (day !== today) await page.goto(`/stamping/workstation?day=${day}`);
      const inQueue = page.locator(`[data-testid="ws-queue-po"][data-number="${po.number}"]`);
      await inQueue.click();
      const current = page.locator(`[data-testid="current-po"][data-number="${po.number}"]`);
      await current.waitFor();
      expect(await current.getByTestId('current-po-notes').textContent()).toContain(`Check the seals on ${tag} cartons`);
      expect(await counter(page, region.code).getByTestId('counter-remaining').textContent()).toBe('250');

      // the picked PO is in the address: a reload and back / forward keep it
      await page.waitForURL((u) => new URL(u.href).searchParams.get('po') === po.id);
      await page.getByTestId('start-run').click();
      await page.getByTestId('run-panel').waitFor();
      await expect.poll(() => current.getAttribute('data-status')).toBe('in_production');
      await page.reload();
      await page.locator(`[data-testid="run-panel"][data-po="${po.id}"]`).waitFor();
      await page.goBack();
      await page.waitForURL((u) => !new URL(u.href).searchParams.has('po'));
      await page.goForward();
      await page.waitForURL((u) => new URL(u.href).searchParams.get('po') === po.id);
      await page.locator(`[data-testid="run-panel"][data-po="${po.id}"]`).waitFor();
      await current.waitFor();
      const queued = page.getByTestId('box-queue-item');
      await expect.poll(() => queued.count()).toBe(3);

      // box 1: its variant chip, 2 damaged in production, 98 stamps
      await scan(page, 1);
      const box = page.getByTestId('scanned-box');
      expect(await box.getByTestId('variant-chip').textContent()).toBe(variant.label);
      expect(variant.label).toBe(`${tag} Grape — ${brand.name} · 30mL · 20mg`);
      expect(await box.getByTestId('scan-line-region').inputValue()).toContain(region.name);
      await box.getByTestId('scan-line-damaged').fill('2');
      await expect.poll(() => box.getByTestId('box-stamps-region').getAttribute('data-stamps')).toBe('98');
      await shot(page, '90-run-scanning');
      await box.getByTestId('confirm-box').click();
      await page.getByTestId('notify-success').filter({ hasText: `${brand.name} #1 confirmed` }).waitFor();
      await expect.poll(() => queued.count()).toBe(2);
      await expect.poll(() => counter(page, region.code).getByTestId('counter-remaining').textContent()).toBe('152');
      // the run's allocation card: the line's variant chip and region, stamped against ordered
      const allocation = page.locator(`[data-testid="allocation-card"][data-region="${region.code}"]`);
      expect(await allocation.getByTestId('allocation-variant').textContent()).toBe(variant.label);
      await expect.poll(() => allocation.getByTestId('allocation-progress').textContent()).toMatch(/^98 \/ .* stamped$/);
      // the scanner can type the next number straight away
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('scan-input');
      if (day === today) expect(await counter(page, region.code).getByTestId('counter-stamped').textContent()).toBe('98');

      await scan(page, 2);
      await page.getByTestId('scanned-box').getByTestId('confirm-box').click();
      await expect.poll(() => queued.count()).toBe(1);
      await expect.poll(() => page.getByTestId('staged-count').textContent()).toBe('2 boxes');

      // the first skid: at a zone, numbered after the PO
      await page.getByTestId('complete-skid').click();
      const skidModal = page.getByRole('dialog', { name: 'Complete skid' });
      await skidModal.waitFor();
      expect(await skidModal.getByTestId('skid-mode').count()).toBe(0);
      await choose(page, skidModal, 'Zone / slot', / — Skid bay$/);
      await skidModal.getByTestId('complete-skid-submit').click();
      const skid1 = page.locator(`[data-testid="skid"][data-label="SK-${po.number}-01"]`);
      await skid1.waitFor();
      expect(await skid1.getAttribute('data-boxes')).toBe('2');
      await expect.poll(() => counter(page, region.code).getByTestId('counter-remaining').textContent()).toBe('57');

      // a desktop shows the skids beside scanning; a 1024 px station tablet puts them right after
      // scanning, before the queue, with the box just scanned still in hand
      const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;
      await scan(page, 3);
      expect((await top('complete-skid')).x).toBeGreaterThan((await top('scanned-box')).x + (await top('scanned-box')).width);
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect.poll(async () => (await top('complete-skid')).y < (await top('ws-queue')).y && (await top('complete-skid')).y > (await top('scanned-box')).y).toBe(true);
      await page.getByTestId('scanned-box').getByTestId('confirm-box').waitFor();
      await page.setViewportSize({ width: 1280, height: 800 });

      // box 3 needs 100 stamps, 57 are left: refused before anything is deducted
      await page.getByTestId('scanned-box').getByTestId('confirm-box').click();
      const shortage = page.getByRole('dialog', { name: 'Not enough stamps' });
      await shortage.waitFor();
      expect(await shortage.getByTestId('shortage-text').textContent()).toBe(`100 ${region.name} stamps needed, 57 left`);
      await shot(page, '91-run-shortage');
      expect(figure(await counter(page, region.code).getByTestId('counter-remaining').textContent())).toBe(57);
      await shortage.getByTestId('shortage-override').click();
      await shortage.getByTestId('override-submit').click();
      await shortage.getByText('at least 3 characters').waitFor();
      await shortage.getByTestId('override-reason').fill('Roll of 500 arrived, not logged yet');
      await shortage.getByTestId('override-submit').click();
      await shortage.waitFor({ state: 'hidden' });
      await page.getByTestId('notify-success').filter({ hasText: `${brand.name} #3 confirmed` }).waitFor();
      await expect.poll(() => queued.count()).toBe(0);
      const remaining = counter(page, region.code).getByTestId('counter-remaining');
      await expect.poll(() => remaining.getAttribute('data-negative')).toBe('true');
      expect(figure(await remaining.textContent())).toBe(-43);
      // that was the last box: the run ends, short of its estimate (2 damaged), for a second user
      await page.getByTestId('notify-success').filter({ hasText: `${po.number}: the last box is confirmed; it waits for verification.` }).waitFor();
      await page.getByTestId('run-ended').waitFor();
      // box #3 is not on a skid yet: verification waits for it, and the station says so
      expect(await page.getByTestId('run-ended').textContent()).toBe(`The run has ended: complete the skid with the confirmed box still staged; then ${po.number} can be verified by a second user.`);

      // the PO has a skid: Complete Skid asks whether to start a new one or top one up
      await page.getByTestId('complete-skid').click();
      await skidModal.waitFor();
      await skidModal.getByText('Append to existing skid').click();
      const target = skidModal.locator(`[data-testid="skid-target"][data-label="SK-${po.number}-01"]`);
      await target.waitFor();
      expect(await target.textContent()).toContain('2 boxes');
      await shot(page, '92-run-skid-chooser');
      await target.click();
      await skidModal.getByTestId('complete-skid-submit').click();
      await expect.poll(() => skid1.getAttribute('data-boxes')).toBe('3');
      await expect.poll(() => page.getByTestId('run-ended').textContent()).toBe(`The run has ended: ${po.number} waits for verification by a second user.`);

      // the skid's detail: its box cards, its label, and box #3 moved onto a new skid with one reason
      await skid1.click();
      const detail = page.getByRole('dialog', { name: `SK-${po.number}-01`, exact: true });
      await expect.poll(() => detail.getByTestId('run-box').count()).toBe(3);
      const labelHref = (await detail.getByTestId('skid-label-pdf').getAttribute('href'))!;
      expect(labelHref).toMatch(new RegExp(`^/api/stamping/orders/${po.id}/skids/[0-9a-f-]{36}/label\\.pdf$`));
      expect((await page.request.get(labelHref)).headers()['content-type']).toContain('application/pdf');
      await detail.getByTestId('skid-select-all').click();
      expect(await detail.getByTestId('transfer-selected').textContent()).toContain('(3)');
      await detail.getByTestId('skid-select-all').click();
      await detail.locator('[data-testid="run-box"][data-box-no="3"]').getByTestId('skid-box-pick').click();
      await shot(page, '95-run-skid-detail');
      await detail.getByTestId('transfer-selected').click();
      const transfer = page.getByRole('dialog', { name: `Transfer from SK-${po.number}-01` });
      await transfer.getByTestId('transfer-reason').fill('Re-stacked for the truck');
      await transfer.getByTestId('transfer-submit').click();
      await page.locator(`[data-testid="skid"][data-label="SK-${po.number}-02"][data-boxes="1"]`).waitFor();
      await expect.poll(() => skid1.getAttribute('data-boxes')).toBe('2');
      await expect.poll(() => detail.getByTestId('run-box').count()).toBe(2);
      // its history says where box #3 went and why
      const out = detail.locator('[data-testid="skid-history-row"][data-kind="transferred_out"]');
      await out.waitFor();
      expect(await out.textContent()).toContain(`Transferred out to SK-${po.number}-02`);
      expect(await out.textContent()).toContain('Re-stacked for the truck');
      expect(await detail.locator('[data-testid="skid-history-row"][data-kind="appended"]').count()).toBe(1);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'hidden' });

      expect((await admin.get<Po>(`/api/stamping/orders/${po.id}`)).status).toBe('pending_verification');

      // the stamper may look, not verify
      await page.goto(`/stamping/orders/${po.id}/verify`);
      await page.getByTestId('verify-blockers').getByText('You stamped this order; a second user must verify it.').waitFor();
      expect(await page.getByTestId('verify-submit').count()).toBe(0);
    } finally {
      await op.context.close();
    }

    const { ver, vp, line } = await openVerify(po.id, region.code);
    try {
      expect(await line.getByTestId('verify-estimate').textContent()).toBe('295');
      expect(await line.getByTestId('verify-actual').textContent()).toBe('293');
      expect(await line.getByTestId('verify-difference').textContent()).toBe('−2');
      expect(await line.getByTestId('verify-found-damaged').textContent()).toBe('5');
      expect(await line.getByTestId('verify-variance').textContent()).toBe('2');
      expect(await vp.getByTestId('verify-released').textContent()).toBe(`Completing releases the stamps this order no longer needs: 2 ${region.name}.`);
      expect(await vp.getByTestId('verify-stampers').textContent()).toContain('Oli Operator');
      expect(await vp.getByTestId('verify-blockers').count()).toBe(0);
      // box #3 went past the shortage: the second user sees who overrode it and why
      expect(await vp.getByTestId('verify-override').allTextContents()).toEqual([expect.stringContaining('Roll of 500 arrived, not logged yet')]);
      // so is the demo's order waiting for a second user: its boxes are stamped and on a skid
      const verApi = await apiSession(env.server.url, 'verifier');
      const waiting = (await verApi.get<{ items: Po[] }>('/api/stamping/orders?status=pending_verification')).items.filter((p) => p.id !== po.id);
      expect(waiting.length).toBeGreaterThan(0);
      for (const w of waiting) expect(await verApi.get(`/api/stamping/orders/${w.id}/verification`)).toMatchObject({ canVerify: true, blockers: [] });
      // found-damaged explains itself: receiving damage, not counted against the line
      await vp.getByTestId('found-damaged-help').hover();
      await vp.getByRole('tooltip').getByText('does not count against').waitFor();
      await shot(vp, '93-verify');

      await vp.getByTestId('verify-note').fill('Two units damaged at the press; customer informed.');
      await vp.getByTestId('verify-submit').click();
      const done = vp.getByTestId('verify-done');
      await done.waitFor();
      const outbounds = await admin.get<{ items: Array<{ number: string; pos: Array<{ id: string }> }> }>(`/api/stamping/outbounds?customerId=${po.customerId}`);
      const outbound = outbounds.items.find((o) => o.pos.some((p) => p.id === po.id))!;
      expect(await done.getByTestId('verify-outbound').textContent()).toBe(outbound.number);
      expect(await vp.getByTestId('verify-status').getAttribute('data-status')).toBe('completed');
      await expect.poll(() => done.getByTestId('verify-done-note').textContent()).toBe('Note: Two units damaged at the press; customer informed.');
      await shot(vp, '94-verify-completed');
      await done.getByTestId('verify-back-to-po').click();
      await vp.waitForURL((u) => pathOf(u.href) === `/stamping/orders/${po.id}`);
      await expect.poll(() => vp.getByTestId('po-detail-status').getAttribute('data-status')).toBe('completed');
      // the completed PO keeps its run: skids (with their history and label) and the outbound it was filed on
      const runCard = vp.getByTestId('po-run');
      await runCard.locator(`[data-testid="skid"][data-label="SK-${po.number}-01"]`).waitFor();
      expect(await runCard.getByTestId('po-outbound').textContent()).toContain(outbound.number);
      await runCard.locator(`[data-testid="skid"][data-label="SK-${po.number}-01"]`).click();
      const skidView = vp.getByTestId('skid-detail');
      await skidView.getByTestId('skid-label-pdf').waitFor();
      expect(await skidView.getByTestId('transfer-selected').count()).toBe(0);
      await vp.keyboard.press('Escape');
      await skidView.waitFor({ state: 'hidden' });
      await runCard.getByTestId('po-outbound').getByRole('link').click();
      await vp.waitForURL((u) => pathOf(u.href) === '/stamping/outbounds' && u.searchParams.get('customerId') === po.customerId);
      const row = vp.locator(`[data-testid="outbounds-row"][data-number="${outbound.number}"]`);
      await row.waitFor();
      await shot(vp, '94-outbounds');
      await row.getByText(po.number, { exact: true }).click();
      await vp.waitForURL((u) => pathOf(u.href) === `/stamping/orders/${po.id}`);
    } finally {
      await ver.context.close();
    }
  });

  it('a verifier raises a line stamped beyond its order to what was stamped, then completes it', async () => {
    const admin = await apiSession(env.server.url, 'admin');
    const tag = `E2EV${Date.now().toString(36).toUpperCase()}`;
    const { region, variant, po, day } = await runSetup(admin, tag);
    await admin.patch(`/api/stamping/orders/${po.id}`, { lines: [{ variantId: variant.variantId, regionCode: region.code, qty: '90' }] });
    // the run started over the API; the station opens on it through its address
    const op = await apiSession(env.server.url, 'operator');
    await op.post(`/api/stamping/orders/${po.id}/start`, {});
    const station = await openSignedIn(env.browser, env.server.url, 'operator');
    try {
      const page = station.page;
      await page.goto(`/stamping/workstation?day=${day}&po=${po.id}`);
      await page.locator(`[data-testid="run-panel"][data-po="${po.id}"]`).waitFor();
      // box 1 (100 units) takes the line of 90 past its estimate: said before Confirm, not refused
      await scan(page, 1);
      const warning = page.getByTestId('box-over-estimate-line');
      await warning.waitFor();
      expect(await warning.textContent()).toBe(`This box takes ${variant.label} (${region.name}) to 100 of 90 authorised — the verifier will have to increase the line.`);
      await page.getByTestId('scanned-box').getByTestId('confirm-box').click();
      await page.getByTestId('run-ended').waitFor();
      expect(await page.getByTestId('over-estimate').textContent()).toContain('until the verifier increases the line');
    } finally {
      await station.context.close();
    }
    const places = await op.get<{ items: Array<{ id: string }> }>('/api/stamping/put-away-places');
    await op.post(`/api/stamping/orders/${po.id}/skids`, { locationId: places.items[0]!.id });

    const { ver, vp, line } = await openVerify(po.id, region.code);
    try {
      expect(await line.getByTestId('verify-difference').textContent()).toBe('+10');
      await vp.getByTestId('verify-blockers').waitFor();
      await vp.getByTestId('verify-increase-lines').click();
      await vp.getByTestId('notify-success').filter({ hasText: 'now authorises what was stamped' }).waitFor();
      await expect.poll(() => line.getByTestId('verify-authorised').textContent()).toBe('100');
      // the planner's 90 before the run stays the estimate: the difference is authorised now, not gone
      expect(await line.getByTestId('verify-estimate').textContent()).toBe('90');
      expect(await line.getByTestId('verify-difference').textContent()).toBe('+10');
      expect(await vp.getByTestId('verify-blockers').count()).toBe(0);
      await vp.getByTestId('verify-submit').click();
      await vp.getByTestId('verify-done').waitFor();
      expect((await admin.get<Po & { lines: Array<{ qty: string }> }>(`/api/stamping/orders/${po.id}`)).lines[0]!.qty).toBe('100');
    } finally {
      await ver.context.close();
    }
  });

  it('box numbers two brands share ask for the brand; the filter hides other-brand lines; a mixed box picks lines; a wrong variant explains itself', async () => {
    const admin = await apiSession(env.server.url, 'admin');
    const tag = `E2M${Date.now().toString(36).toUpperCase()}`;
    const customer = await admin.post<{ id: string }>('/api/customers', { code: `${tag}-CUS`, name: `${tag} Consignee` });
    await admin.post('/api/stamping/consignees', { customerId: customer.id });
    const orbito = await admin.post<{ id: string; name: string }>('/api/stamping/brands', { code: `${tag}-OR`, name: `${tag} Orbito` });
    const linvo = await admin.post<{ id: string; name: string }>('/api/stamping/brands', { code: `${tag}-LI`, name: `${tag} Linvo` });
    const grape = (await admin.post<{ variants: Array<{ variantId: string; label: string }> }>('/api/stamping/products', { brandId: orbito.id, flavour: `${tag} Grape`, volumesMl: ['30'], strengthsMg: ['10', '20'] })).variants;
    const grape10 = grape.find((v) => v.label.endsWith('10mg'))!;
    const grape20 = grape.find((v) => v.label.endsWith('20mg'))!;
    const mint = (await admin.post<{ variants: Array<{ variantId: string; label: string }> }>('/api/stamping/products', { brandId: linvo.id, flavour: `${tag} Mint`, volumesMl: ['30'], strengthsMg: ['20'] })).variants[0]!;
    const shipment = await admin.post<{ id: string }>('/api/stamping/shipments', { customerId: customer.id, number: `SHP-${tag}`, packingList: [{ variantId: grape20.variantId, qty: '80' }, { variantId: mint.variantId, qty: '70' }, { variantId: grape10.variantId, qty: '20' }] });
    const box = (brandId: string, boxNo: number, lines: Array<[string, string]>) =>
      admin.post(`/api/stamping/shipments/${shipment.id}/boxes`, { brandId, boxNo, lines: lines.map(([variantId, rawQty]) => ({ variantId, rawQty })) });
    await box(orbito.id, 1, [[grape20.variantId, '50'], [mint.variantId, '30']]); // mixed, and Linvo has a #1 too
    await box(linvo.id, 1, [[mint.variantId, '40']]);
    await box(orbito.id, 2, [[grape10.variantId, '20']]); // a variant the PO does not order
    await box(orbito.id, 3, [[grape20.variantId, '30'], [mint.variantId, '10']]); // mixed, number unique to Orbito
    await admin.post(`/api/stamping/shipments/${shipment.id}/inventoried`, {});
    const today = localDay(new Date());
    const week = await admin.get<{ days: Array<{ day: string; working: boolean }> }>(`/api/stamping/calendar?from=${today}&to=${addDays(today, 10)}`);
    const day = week.days.find((d) => d.working && d.day >= today)!.day;
    const { po } = await admin.post<{ po: Po }>('/api/stamping/orders', {
      shipmentId: shipment.id, day, lines: [{ variantId: grape20.variantId, regionCode: 'federal', qty: '80' }, { variantId: mint.variantId, regionCode: 'federal', qty: '70' }],
    });

    const { context, page } = await openSignedIn(env.browser, env.server.url, 'operator');
    try {
      await page.goto(`/stamping/workstation?day=${day}`);
      await page.locator(`[data-testid="ws-queue-po"][data-number="${po.number}"]`).click();
      await page.getByTestId('start-run').click();
      const input = page.getByTestId('scan-input');
      await input.waitFor();

      // #1 is Orbito's and Linvo's: which brand? Orbito's mixed box then hides its Linvo line
      await input.fill('1');
      await input.press('Enter');
      const chooser = page.getByTestId('choose-brand');
      await chooser.waitFor();
      expect((await chooser.getByTestId('pick-brand').allTextContents()).sort()).toEqual([`${linvo.name} #1`, `${orbito.name} #1`]);
      await chooser.locator(`[data-brand="${orbito.name}"]`).click();
      const scanned = page.getByTestId('scanned-box');
      await scanned.waitFor();
      expect(await scanned.getByTestId('scan-line').count()).toBe(1);
      expect(await scanned.getByTestId('hidden-lines').textContent()).toContain('1 other-brand line hidden — clear the filter to see it');

      // with the brand filter set, the number resolves at once
      await choose(page, page, 'Filter by brand', new RegExp(`^${linvo.name}$`));
      await input.fill('1');
      await input.press('Enter');
      await expect.poll(() => scanned.getByTestId('variant-chip').textContent()).toBe(mint.label);
      expect(await chooser.count()).toBe(0);

      // #2 holds the 10mg grape; the PO orders it in 20mg
      await choose(page, page, 'Filter by brand', new RegExp(`^${orbito.name}$`));
      await input.fill('2');
      await input.press('Enter');
      const mismatch = page.getByTestId('mismatch-text');
      await mismatch.waitFor();
      expect(await mismatch.textContent()).toBe(`PO has ${tag} Grape but in a different variant — 30mL · 20mg. This box is 30mL · 10mg, which the customer didn't request.`);
      expect(await scanned.getByTestId('variant-mismatch').count()).toBe(1);
      expect(await scanned.getByTestId('confirm-box').isDisabled()).toBe(true);
      // the cartons say 20mg: the operator picks a different flavour, and #2 is stampable for the PO
      await scanned.getByTestId('correct-variant-open').click();
      const fix = page.getByRole('dialog', { name: 'Pick a different flavour' });
      await choose(page, fix, 'The box holds', new RegExp(`^${grape20.label}$`));
      await fix.getByTestId('correct-variant-reason').fill('The cartons say 20mg');
      await fix.getByTestId('correct-variant-submit').click();
      await fix.waitFor({ state: 'hidden' });
      await expect.poll(() => scanned.getByTestId('variant-chip').textContent()).toBe(grape20.label);
      expect(await scanned.getByTestId('variant-mismatch').count()).toBe(0);
      expect(await scanned.getByTestId('confirm-box').isDisabled()).toBe(false);

      // #3 under the Orbito filter hides its Linvo line; clearing the filter shows both lines, each
      // with its variant and a checkbox; only the grape is stamped now
      await input.fill('3');
      await input.press('Enter');
      await scanned.getByTestId('hidden-lines').waitFor();
      expect(await scanned.getByTestId('scan-line').count()).toBe(1);
      await scanned.getByRole('button', { name: 'Clear filter' }).click();
      await expect.poll(() => scanned.getByTestId('scan-line').count()).toBe(2);
      expect(await page.getByRole('combobox', { name: 'Filter by brand' }).inputValue()).toBe('');
      expect(await scanned.getByTestId('hidden-lines').count()).toBe(0);
      expect(await scanned.getByTestId('variant-chip').allTextContents()).toEqual([grape20.label, mint.label]);
      await expect.poll(() => scanned.getByTestId('box-stamps-region').getAttribute('data-stamps')).toBe('40');
      await scanned.getByTestId('scan-line').nth(1).getByTestId('scan-line-pick').click();
      await expect.poll(() => scanned.getByTestId('box-stamps-region').getAttribute('data-stamps')).toBe('30');
      await scanned.getByTestId('confirm-box').click();
      await page.getByTestId('notify-success').filter({ hasText: `${orbito.name} #3 confirmed: 30 stamps` }).waitFor();
      const run = await admin.get<{ queue: Array<{ boxNo: number; brand: string; lines: number }>; staged: Array<{ boxNo: number }> }>(`/api/stamping/orders/${po.id}/run`);
      expect(run.staged.map((b) => b.boxNo)).toEqual([3]);
      // the mint line of #3 still waits
      expect(run.queue.find((b) => b.boxNo === 3 && b.brand === orbito.name)?.lines).toBe(1);
    } finally {
      await context.close();
    }
  });
});
