import Decimal from 'decimal.js';

/**
 * The one Decimal every module uses. Quantities take 14 integer digits and 6 decimals and values
 * more, so sums and products outgrow decimal.js's default of 20 significant digits (a count of
 * two 99999999999999.999999 receipts came out as 200000000000000); 64 keeps them exact.
 * Importing Decimal from here guarantees the setting wherever a figure is computed.
 */
Decimal.set({ precision: 64 });

export default Decimal;
