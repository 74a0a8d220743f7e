import { describe, expect, it } from 'vitest';
import type { SkidDto } from '../api';
import { completeSkidMessage, pickedBoxes, transferMessage } from './skid-messages';

const skid = (label: string, boxes: number, extra: { appended?: boolean; joined?: string[] } = {}) =>
  ({ label, boxes, locationPath: 'STAMP-WH/BAY', appended: false, joined: [], ...extra });

describe('the skid toasts', () => {
  it('say a new skid was completed only when one was made', () => {
    expect(completeSkidMessage(skid('SK-PO-1-02', 3), 'new')).toBe('SK-PO-1-02 completed: 3 boxes at STAMP-WH/BAY.');
    expect(completeSkidMessage(skid('SK-PO-1-01', 1, { appended: true }), 'append')).toBe('SK-PO-1-01 topped up: 1 box at STAMP-WH/BAY.');
  });

  it('say the staged lines joined the skid their boxes are on when a new skid was asked for but none was made', () => {
    const text = completeSkidMessage(skid('SK-PO-1-01', 2, { appended: true }), 'new');
    expect(text).toBe('SK-PO-1-01 topped up: the staged lines belong to boxes already on it, so no new skid was made. 2 boxes at STAMP-WH/BAY.');
    expect(text).not.toContain('completed');
  });

  it('name other skids that took lines of their own boxes', () => {
    expect(completeSkidMessage(skid('SK-PO-1-03', 1, { joined: ['SK-PO-1-01'] }), 'new'))
      .toBe('SK-PO-1-03 completed: 1 box at STAMP-WH/BAY. Lines of boxes already on SK-PO-1-01 joined their boxes there.');
  });

  it('count a transfer in boxes, not box lines', () => {
    const to = { label: 'SK-PO-1-02' } as SkidDto;
    expect(transferMessage({ moved: 1, to, emptied: ['SK-PO-1-01'] })).toBe('1 box moved to SK-PO-1-02. SK-PO-1-01 is empty and retired.');
    expect(transferMessage({ moved: 2, to, emptied: [] })).toBe('2 boxes moved to SK-PO-1-02.');
  });

  it('counts ticked box lines as the boxes they are: a mixed box once', () => {
    const items = [{ id: 'a', boxId: 'box-1' }, { id: 'b', boxId: 'box-1' }, { id: 'c', boxId: 'box-2' }];
    expect(pickedBoxes(items, new Set(['a', 'b']))).toBe(1);
    expect(pickedBoxes(items, new Set(['a', 'c']))).toBe(2);
    expect(pickedBoxes(items, new Set())).toBe(0);
  });
});
