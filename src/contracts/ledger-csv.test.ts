import { describe, expect, it } from 'vitest';
import type { StockEntryDto } from './inventory';
import { ledgerCsvHeader, ledgerCsvRows } from './ledger-csv';

const entriesToCsv = (entries: StockEntryDto[]) => ledgerCsvHeader() + ledgerCsvRows(entries);

const entry = (over: Partial<StockEntryDto>): StockEntryDto => ({
  id: '1', documentId: '01a23cf3-60c0-7716-aafc-3e07505d09c0', documentNumber: 'ADJ-000001', documentType: 'adjustment', line: 1,
  postedAt: '2026-12-03T10:00:00.000Z', recordedAt: '2026-12-03T10:00:00.000Z', variantId: '01a23cf3-60c0-7716-aafc-3e07505d09c1',
  variantCode: 'FLOUR', locationId: '01a23cf3-60c0-7716-aafc-3e07505d09c2', locationCode: 'MAIN', lotId: null, lotCode: null, grade: 'good',
  qty: '-5', qtyBefore: '10', qtyAfter: '5', value: '-12.5', unitCost: null, reason: 'damaged', note: 'dropped', actorId: null,
  actorLabel: 'supervisor', reversesEntryId: null, ...over,
});

describe('the ledger CSV', () => {
  it('has one header line naming every column, and nothing else for no entries', () => {
    expect(entriesToCsv([])).toBe('posted_at,recorded_at,document,document_type,reason,note,variant,location,lot,grade,qty,qty_before,qty_after,value,unit_cost,actor,item_name,unit,entry_id,reverses_entry\r\n');
  });

  it('quotes commas, quotes and line breaks, and keeps figures exactly as the API wrote them', () => {
    const [, row] = entriesToCsv([entry({ note: 'split "open", twice\nsee photo' })]).split('\r\n');
    expect(row).toBe('2026-12-03T10:00:00.000Z,2026-12-03T10:00:00.000Z,ADJ-000001,adjustment,damaged,"split ""open"", twice\nsee photo",FLOUR,MAIN,,good,-5,10,5,-12.5,,supervisor,,,1,');
  });

  it('names the item and its unit where the export knows them, and pairs a reversal with the entry it reverses', () => {
    const flour = entry({});
    const items = new Map([[flour.variantId, { itemName: 'Wheat flour, type 550', unit: 'kg' }]]);
    const rows = ledgerCsvRows([flour, entry({ id: '2', variantId: '01a23cf3-60c0-7716-aafc-3e07505d09c9', qty: '5', reversesEntryId: '1' })], items).split('\r\n');
    expect(rows[0]!.endsWith(',supervisor,"Wheat flour, type 550",kg,1,')).toBe(true);
    expect(rows[1]!.endsWith(',supervisor,,,2,1')).toBe(true);
  });

  it('keeps text a spreadsheet would run as a formula as text, and negative figures as numbers', () => {
    const csv = entriesToCsv([entry({ note: '=HYPERLINK("http://x","click")', reason: '+1 found', qty: '-0.5' })]);
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`,'+1 found,"'=HYPERLINK(""http://x"",""click"")",`);
    expect(row).toContain(',good,-0.5,');
  });
});
