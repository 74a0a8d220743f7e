import { Tabs } from '@mantine/core';
import { IconBottle, IconBuildingWarehouse, IconMap, IconTag } from '@tabler/icons-react';
import { PageHeader } from '../../../ui/PageHeader';
import { BrandsPanel } from './BrandsPanel';
import { ProductsPanel } from './ProductsPanel';
import { RegionsPanel } from './RegionsPanel';
import { ConsigneesPanel } from './ConsigneesPanel';

/** Brands, products, tax regions and consignees: what shipments and production orders are made of. */
export function StampingSetupPage() {
  return (
    <>
      <PageHeader title="Stamping setup" description="Brands and their products (flavour × mL × mg), tax regions with their stamps, and the customers whose goods are stamped here." />
      <Tabs defaultValue="brands" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="brands" leftSection={<IconTag size={18} />} py="md" data-testid="setup-tab-brands">Brands</Tabs.Tab>
          <Tabs.Tab value="products" leftSection={<IconBottle size={18} />} py="md" data-testid="setup-tab-products">Products</Tabs.Tab>
          <Tabs.Tab value="regions" leftSection={<IconMap size={18} />} py="md" data-testid="setup-tab-regions">Tax regions</Tabs.Tab>
          <Tabs.Tab value="consignees" leftSection={<IconBuildingWarehouse size={18} />} py="md" data-testid="setup-tab-consignees">Consignees</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="brands"><BrandsPanel /></Tabs.Panel>
        <Tabs.Panel value="products"><ProductsPanel /></Tabs.Panel>
        <Tabs.Panel value="regions"><RegionsPanel /></Tabs.Panel>
        <Tabs.Panel value="consignees"><ConsigneesPanel /></Tabs.Panel>
      </Tabs>
    </>
  );
}
