/** Units and stamps are counted, never measured: whole numbers (the server refuses anything else). */
export const WHOLE_INPUT = /^\d{1,14}$/;

export const isWholePositive = (s: string): boolean => WHOLE_INPUT.test(s.trim()) && /[1-9]/.test(s);
