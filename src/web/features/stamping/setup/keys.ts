/** Stamping master data: short lists the API answers whole. Live events refresh them by `all`. */
export const setupKeys = {
  all: ['stamping', 'setup'] as const,
  brands: ['stamping', 'setup', 'brands'] as const,
  products: ['stamping', 'setup', 'products'] as const,
  regions: ['stamping', 'setup', 'regions'] as const,
  consignees: ['stamping', 'setup', 'consignees'] as const,
};
