let next = 0;
/** A React key for an editable row (rows are added and removed, so the index will not do). */
export const rowKey = (): string => `row-${++next}`;
