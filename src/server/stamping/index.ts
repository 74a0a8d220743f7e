/** Stamping: the workflow's public surface (seed and other modules import only this). */
export { registerStampingRoutes } from './routes';
export { ensureSetup, readSetup } from './master/setup';
export { createBrand, listBrands } from './master/brands';
export { createProduct, listProductVariants } from './master/products';
export { createRegion, listRegions } from './master/regions';
export { createConsignee, getConsignee, listConsignees } from './master/consignees';
