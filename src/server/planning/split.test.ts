import Decimal from '../../contracts/exact-decimal';
import { describe, expect, it } from 'vitest';
import { cutLines, splitAcrossDays } from './split';
import { isWorkingDay } from './days';

const weekdays = { workingDays: [1, 2, 3, 4, 5], closed: new Set<string>() };
const d = (v: string | number) => new Decimal(v);
const show = (parts: Array<{ day: string; qty: Decimal }> | null) => parts?.map((p) => `${p.day}:${p.qty.toString()}`);

describe('auto-split', () => {
  it('30,000 at 12,000 a day on an empty calendar is 12,000, 12,000 and 6,000 on consecutive working days', () => {
    // 2026-11-26 is a Thursday: Thu, Fri, then Monday
    expect(show(splitAcrossDays(d(30000), '2026-11-26', weekdays, d(12000), () => d(0)))).toEqual(['2026-11-26:12000', '2026-11-27:12000', '2026-11-30:6000']);
  });

  it('takes only what each day has free, and skips full and closed days', () => {
    const booked: Record<string, number> = { '2026-11-23': 5000, '2026-11-24': 12000 };
    const cal = { workingDays: [1, 2, 3, 4, 5], closed: new Set(['2026-11-25']) };
    expect(show(splitAcrossDays(d(20000), '2026-11-23', cal, d(12000), (day) => d(booked[day] ?? 0)))).toEqual(['2026-11-23:7000', '2026-11-26:12000', '2026-11-27:1000']);
  });

  it('gives up when the reach has no room', () => {
    expect(splitAcrossDays(d(100), '2026-11-23', weekdays, d(10), () => d(10), 30)).toBeNull();
  });

  it('cuts lines into parts line by line', () => {
    const parts = cutLines([{ id: 'a', qty: d(20000) }, { id: 'b', qty: d(10000) }], [d(12000), d(12000), d(6000)]);
    expect(parts.map((p) => p.map((l) => `${l.id}:${l.part.toString()}`))).toEqual([['a:12000'], ['a:8000', 'b:4000'], ['b:6000']]);
  });

  it('knows weekends and closed days', () => {
    expect(isWorkingDay(weekdays, '2026-11-28')).toBe(false);
    expect(isWorkingDay({ ...weekdays, closed: new Set(['2026-12-25']) }, '2026-12-25')).toBe(false);
    expect(isWorkingDay(weekdays, '2026-11-27')).toBe(true);
  });
});
