import { useState } from 'react';
import { Button, Card, Text } from '@mantine/core';
import { IconClipboardCheck, IconDownload } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { LoadMore } from '../../../ui/LoadMore';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { fetchLedgerCsv, useEntries } from '../api/stock';
import { InventoryTabs } from '../InventoryTabs';
import { CountModal } from '../dialogs/CountModal';
import { plantDay } from '../../../ui/plant-day';
import { downloadText } from './download';
import { LedgerFilters } from './LedgerFilters';
import { LedgerTable } from './LedgerTable';
import { DocumentDrawer } from './DocumentDrawer';
import { toEntryFilter, type LedgerSearch } from './search';

interface Props {
  search: LedgerSearch;
  onSearch: (next: LedgerSearch) => void;
}

/** The stock ledger explorer: every movement, filterable, with documents, counts and CSV export. */
export function LedgerPage({ search, onSearch }: Props) {
  const can = useCan();
  const filter = toEntryFilter(search);
  const entries = useEntries(filter);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [counting, setCounting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];

  const exportCsv = async () => {
    setExporting(true);
    try {
      const name = `stock-ledger-${plantDay()}.csv`;
      downloadText(name, await fetchLedgerCsv(filter));
      notifySuccess(`Exported ${name}.`);
    } catch (err) {
      notifyError(err, 'Could not export the ledger');
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Inventory"
        description="The stock ledger: every movement, newest first, with the running quantity before and after."
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={18} />} loading={exporting} onClick={() => void exportCsv()} data-testid="export-csv">
              Export CSV
            </Button>
            {can('inventory.adjust') && (
              <Button variant="light" leftSection={<IconClipboardCheck size={18} />} onClick={() => setCounting(true)} data-testid="count-button">
                Stock count
              </Button>
            )}
          </>
        }
      />
      <InventoryTabs />
      <Card withBorder radius="lg" padding="md">
        <LedgerFilters search={search} onChange={onSearch} />
        <QueryState pending={entries.isPending} error={entries.error}>
          {rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              No movements match.
            </Text>
          ) : (
            <LedgerTable entries={rows} onOpenDocument={setDocumentId} />
          )}
          <LoadMore hasMore={entries.hasNextPage} loading={entries.isFetchingNextPage} onLoad={() => void entries.fetchNextPage()} />
        </QueryState>
      </Card>
      <DocumentDrawer documentId={documentId} onClose={() => setDocumentId(null)} />
      {can('inventory.adjust') && <CountModal opened={counting} item={null} onClose={() => setCounting(false)} />}
    </>
  );
}
