/**
 * Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * is written with a leading apostrophe, which spreadsheets show as text; figures such as -5 stay
 * numbers. Shared by every CSV export, and undone by the imports so an export reads back as it is
 * (text that itself starts with apostrophes before such a character gets one more, so it survives).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const FIGURE = /^-?\d+(\.\d+)?$/;
const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;

export const guardFormula = (value: string): string =>
  (FORMULA_START.test(value) && !FIGURE.test(value)) || QUOTED_FORMULA.test(value) ? `'${value}` : value;

/** The value as it was before `guardFormula`. */
export const unguardFormula = (value: string): string => (QUOTED_FORMULA.test(value) ? value.slice(1) : value);
