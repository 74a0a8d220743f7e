import { describe, expect, it } from 'vitest';
import { apiSession, choose, e2eEnvironment, openSignedIn, screenshot } from './helpers';

const env = e2eEnvironment();

/** The catalog: items with attributes, their variants, edits, and CSV import with row errors. */
describe('catalog', () => {
  it('creates an item with attributes, adds a variant, edits the item, imports and exports', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      await page.getByTestId('nav-catalog').click();
      await page.locator('[data-testid="catalog-row"][data-code="CTRL-BOARD"]').waitFor();

      // aprons are counted in pairs here: a unit the plant adds
      await page.getByTestId('catalog-units').click();
      const units = page.getByRole('dialog', { name: 'Units of measure' });
      await units.locator('[data-testid="unit-row"][data-code="kg"]').waitFor();
      await units.getByLabel('Code').fill('pair');
      await units.getByLabel('Name').fill('pair');
      await units.getByTestId('unit-submit').click();
      await units.locator('[data-testid="unit-row"][data-code="pair"]').waitFor();
      expect(await units.locator('[data-testid="unit-row"][data-code="pair"]').textContent()).toContain('whole');
      await page.keyboard.press('Escape');
      await units.waitFor({ state: 'hidden' });

      await page.getByTestId('new-item').click();
      const create = page.getByRole('dialog', { name: 'New item' });
      await choose(page, create, 'Unit', /^pair · pair$/);
      await create.getByLabel('Code').fill('CTRL-BOARD');
      await create.getByLabel('Name').fill('Apron');
      await choose(page, create, 'Kind', /^Product$/);
      await create.getByLabel('Category').fill('Workwear');
      await create.getByTestId('add-attribute').click();
      await create.getByLabel('Attribute 1 name').fill('size');
      await create.getByLabel('Values of attribute 1').pressSequentially('S,M,');
      await create.getByTestId('add-attribute').click();
      await create.getByLabel('Attribute 2 name').fill('colour');
      await create.getByLabel('Values of attribute 2').pressSequentially('Navy,');
      await create.getByTestId('create-item-submit').click();
      // the code is taken: the server says so next to the field, and nothing is created
      await expect.poll(() => create.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
      await create.getByLabel('Code').fill('APRON');
      await create.getByTestId('create-item-submit').click();
      await create.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="catalog-item"][data-code="APRON"]').waitFor();
      expect(await page.getByTestId('fact-category').textContent()).toBe('Workwear');
      expect(await page.locator('[data-testid="item-attribute"][data-attribute="size"]').textContent()).toContain('SM');

      await page.getByTestId('add-variant').click();
      const variant = page.getByRole('dialog', { name: 'Add variant · APRON' });
      await choose(page, variant, 'size', /^M$/);
      await choose(page, variant, 'colour', /^Navy$/);
      await variant.getByTestId('variant-submit').click();
      await variant.waitFor({ state: 'hidden' });
      const row = page.locator('[data-testid="variant-row"][data-code="APRON-Navy-M"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('Apron — Navy · M');

      await page.getByTestId('edit-item').click();
      const edit = page.getByRole('dialog', { name: 'Edit item · APRON' });
      await edit.getByLabel('Name').fill('Shop apron');
      await edit.getByLabel('Low stock below').fill('20');
      await edit.getByLabel('New values for size').pressSequentially('L,');
      await edit.getByTestId('edit-item-submit').click();
      await edit.waitFor({ state: 'hidden' });
      await expect.poll(() => row.textContent()).toContain('Shop apron — Navy · M');
      expect(await page.getByTestId('fact-low-stock-below').textContent()).toBe('20');
      expect(await page.locator('[data-testid="item-attribute"][data-attribute="size"]').textContent()).toContain('SML');
      await screenshot(page, '60-catalog-item');

      // archived, it leaves the active list and the pickers of new stock; restored, it is back
      await page.getByTestId('archive-item').click();
      await page.getByTestId('confirm').click();
      await page.getByTestId('item-archived').waitFor();
      await page.getByRole('link', { name: 'Catalog' }).first().click();
      await page.getByLabel('Search items').fill('APRON');
      await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(0);
      await page.getByTestId('catalog-archived').getByText('Archived', { exact: true }).click();
      await page.locator('[data-testid="catalog-row"][data-code="APRON"]').getByTestId('open-item').click();
      await page.getByTestId('restore-item').click();
      await page.getByTestId('item-archived').waitFor({ state: 'detached' });

      await page.getByRole('link', { name: 'Catalog' }).first().click();
      await page.getByTestId('catalog-import').click();
      const importer = page.getByRole('dialog', { name: 'Import from CSV' });
      const header = 'code,name,kind,uom,category,low_stock_threshold,attributes';
      await importer.getByTestId('import-csv').fill(`${header}\nVEST,Safety vest,product,ea,Workwear,,size=M|L\nGLUE,Glue,gadget,kg,,,\n`);
      await importer.getByTestId('import-submit').click();
      const problem = importer.getByTestId('import-row-error');
      await problem.waitFor();
      expect(await problem.count()).toBe(1);
      expect(await problem.getAttribute('data-row')).toBe('3');
      expect(await problem.textContent()).toContain('kind');
      await screenshot(page, '61-catalog-import-refused');
      await importer.getByTestId('import-csv').fill(`${header}\nVEST,Safety vest,product,ea,Workwear,,size=M|L\nGLUE,Glue,consumable,kg,,,\n`);
      await importer.getByTestId('import-submit').click();
      await importer.waitFor({ state: 'hidden' });
      await page.getByLabel('Search items').fill('VEST');
      await page.locator('[data-testid="catalog-row"][data-code="VEST"]').waitFor();
      await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(1);

      const exported = await context.request.get('/api/items/export');
      expect(exported.status()).toBe(200);
      const text = await exported.text();
      expect(text).toContain('APRON,Shop apron,product,pair,Workwear,20,size=S|M|L; colour=Navy');
      expect(text).toContain('GLUE,Glue,consumable,kg');
    } finally {
      await context.close();
    }
  });

  it('makes a staged item whose variants take only the attributes of their stage', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      await page.goto('/catalog');
      await page.getByTestId('new-item').click();
      const create = page.getByRole('dialog', { name: 'New item' });
      await create.getByLabel('Code').fill('HOODIE');
      await create.getByLabel('Name').fill('Hoodie');
      for (const [i, code, values] of [[1, 'stage', 'Cut,Sewn,'], [2, 'size', 'S,M,'], [3, 'colour', 'Grey,']] as const) {
        await create.getByTestId('add-attribute').click();
        await create.getByLabel(`Attribute ${i} name`).fill(code);
        await create.getByLabel(`Values of attribute ${i}`).pressSequentially(values);
      }
      await choose(page, create, 'Stage attribute', /^stage$/);
      await choose(page, create, 'Cut', /^size$/);
      await create.getByTestId('create-item-submit').click();
      await create.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="catalog-item"][data-code="HOODIE"]').waitFor();
      expect(await page.getByTestId('stage-rules').textContent()).toBe('At Cut: size · At Sewn: every attribute');

      await page.getByTestId('add-variant').click();
      const variant = page.getByRole('dialog', { name: 'Add variant · HOODIE' });
      await choose(page, variant, 'stage (stage)', /^Cut$/);
      // at Cut only the size applies: the colour is not asked
      expect(await variant.getByRole('combobox', { name: 'colour' }).count()).toBe(0);
      await choose(page, variant, 'size', /^M$/);
      await variant.getByTestId('variant-submit').click();
      await variant.waitFor({ state: 'hidden' });
      const row = page.locator('[data-testid="variant-row"][data-code="HOODIE-M-Cut"]');
      await row.waitFor();
      expect(await row.textContent()).toContain('Cut');

      // a stage added later gets its own rule; Cut, where a variant is, keeps its own
      await page.getByTestId('edit-item').click();
      const edit = page.getByRole('dialog', { name: 'Edit item · HOODIE' });
      await edit.getByLabel('New values for stage').pressSequentially('Packed,');
      expect(await edit.getByRole('combobox', { name: 'At Cut' }).isDisabled()).toBe(true);
      await choose(page, edit, 'At Packed', /^colour$/);
      await page.keyboard.press('Escape');
      await edit.getByTestId('edit-item-submit').click();
      await edit.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('stage-rules').textContent()).toBe('At Cut: size · At Sewn: every attribute · At Packed: colour');

      // the item's stock page and its catalog page lead to each other
      await page.getByRole('link', { name: 'Stock' }).click();
      await page.locator('[data-testid="item-detail"][data-code="HOODIE"]').waitFor();
      await page.getByTestId('item-catalog').click();
      await page.locator('[data-testid="catalog-item"][data-code="HOODIE"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it('keeps an attribute library a new item starts from, and lists an item\'s variants by its primary attribute', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'supervisor');
    try {
      await page.goto('/catalog');
      await page.getByTestId('catalog-attributes').click();
      const library = page.getByRole('dialog', { name: 'Attribute library' });
      const sizes = library.locator('[data-testid="library-attribute"][data-code="size"]').getByTestId('library-values');
      await expect.poll(() => sizes.textContent()).toBe('XS, S, M, L, XL, XXL');
      await library.getByLabel('Attribute code').fill('fit');
      await library.getByLabel('Attribute name').fill('Fit');
      await library.getByLabel('Attribute values').pressSequentially('Slim,Regular,');
      await library.getByTestId('new-attribute-submit').click();
      await library.locator('[data-testid="library-attribute"][data-code="fit"]').waitFor();
      await choose(page, library, 'Attribute to add values to', /^size$/);
      await library.getByLabel('Values to add').pressSequentially('m,');
      await library.getByTestId('add-values-submit').click();
      // M is there already, letter case aside: said beside the field, nothing added
      await library.getByText('m is already a value of size').waitFor();
      await library.getByLabel('Values to add').press('Backspace');
      await library.getByLabel('Values to add').pressSequentially('3XL,');
      await library.getByTestId('add-values-submit').click();
      await expect.poll(() => sizes.textContent()).toBe('XS, S, M, L, XL, XXL, 3XL');
      await screenshot(page, '62-attribute-library');
      await page.keyboard.press('Escape');
      await library.waitFor({ state: 'hidden' });

      // a new item's attribute picked from the library starts with its values
      await page.getByTestId('new-item').click();
      const create = page.getByRole('dialog', { name: 'New item' });
      await create.getByLabel('Code').fill('LIBTEE');
      await create.getByLabel('Name').fill('Library tee');
      await choose(page, create, 'Kind', /^Product$/);
      await create.getByTestId('add-attribute').click();
      await create.getByLabel('Attribute 1 name').fill('fi');
      await page.getByRole('option', { name: /^fit$/ }).click();
      await create.getByTestId('add-attribute').click();
      await create.getByLabel('Attribute 2 name').fill('si');
      await page.getByRole('option', { name: /^size$/ }).click();
      expect(await create.getByTestId('attribute-row').nth(1).textContent()).toContain('XSSMLXLXXL3XL');
      await choose(page, create, 'Primary attribute', /^size$/);
      await create.getByTestId('create-item-submit').click();
      await create.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="catalog-item"][data-code="LIBTEE"]').waitFor();
      expect(await page.getByTestId('fact-primary-attribute').textContent()).toBe('size');
      expect(await page.locator('[data-testid="item-attribute"][data-attribute="fit"]').textContent()).toContain('SlimRegular');

      // variants made in any order are listed S before L, by the primary attribute
      const api = await apiSession(env.server.url, 'supervisor');
      const itemId = page.url().split('/').pop()!;
      for (const size of ['L', 'S']) await api.post('/api/variants', { itemId, attributes: { size, fit: 'Slim' } });
      await page.reload();
      await expect.poll(() => page.getByTestId('variant-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(['LIBTEE-Slim-S', 'LIBTEE-Slim-L']);
    } finally {
      await context.close();
    }
  });

  it('shows the catalog to an operator without the means to change it', async () => {
    const { context, page } = await openSignedIn(env.browser, env.server.url, 'operator');
    try {
      await page.getByTestId('nav-catalog').click();
      await page.locator('[data-testid="catalog-row"]').first().waitFor();
      expect(await page.getByTestId('new-item').count()).toBe(0);
      expect(await page.getByTestId('catalog-import').count()).toBe(0);
      await page.getByTestId('open-item').first().click();
      await page.getByTestId('catalog-item').waitFor();
      expect(await page.getByTestId('edit-item').count()).toBe(0);
      expect(await page.getByTestId('add-variant').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
