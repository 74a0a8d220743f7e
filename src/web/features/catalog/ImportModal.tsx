import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Code, FileButton, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { problemOf } from '../../api/problem';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useImportCsv, type ImportKind } from './api';
import { FormFooter } from '../../ui/FormFooter';

const HEADERS: Record<ImportKind, string> = {
  items: 'code,name,kind,uom,category,low_stock_threshold,attributes,stage_attribute,stage_attributes',
  variants: 'item_code,variant_code,name,attributes',
};

const EXAMPLES: Record<ImportKind, string> = {
  items: 'SHIRT,"Shirt, basic",product,ea,Apparel,,size=S|M|L; colour=Blue|Red,,',
  variants: 'SHIRT,,,size=M; colour=Blue',
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

interface RowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Imports items or variants from a CSV file, all rows or none. A refused file lists every row's
 * problem, so it can be fixed in one pass.
 */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const importCsv = useImportCsv();
  const [kind, setKind] = useState<ImportKind>('items');
  const [csv, setCsv] = useState('');
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);

  useEffect(() => {
    if (opened) {
      setCsv('');
      setRowErrors([]);
    }
  }, [opened]);

  const pick = async (file: File | null) => {
    if (!file) return;
    setCsv(await file.text());
    setRowErrors([]);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    importCsv.mutate(
      { kind, csv },
      {
        onSuccess: (r) => {
          notifySuccess(kind === 'items' ? `${plural(r.imported ?? 0, 'row')} read: ${plural(r.created ?? 0, 'new item')}, ${plural(r.updated ?? 0, 'item')} updated.` : `${plural(r.rows ?? 0, 'row')} read, ${plural(r.created ?? 0, 'new variant')}.`);
          onClose();
        },
        onError: (err) => {
          const refused = problemOf<{ rows: RowError[] }>(err, 'catalog.import_invalid');
          // a refused file's problems are listed in the dialog itself
          if (refused) setRowErrors(refused.rows);
          else notifyError(err, 'Nothing was imported');
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import from CSV" size="xl" data-testid="import-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as ImportKind);
              setRowErrors([]);
            }}
            data={[
              { value: 'items', label: 'Items' },
              { value: 'variants', label: 'Variants' },
            ]}
            data-testid="import-kind"
          />
          <Text size="sm" c="dimmed">
            The first line names the columns: <Code>{HEADERS[kind]}</Code>. For example: <Code>{EXAMPLES[kind]}</Code>. Every row is
            checked first; one bad row and nothing is imported. A code the catalog has updates that item (name, category,
            low-stock level, values added), so an exported file can be edited and imported again.
          </Text>
          <Group>
            <FileButton onChange={(f) => void pick(f)} accept=".csv,text/csv">
              {(props) => (
                <Button variant="light" leftSection={<IconFileUpload size={18} />} {...props}>
                  Choose file
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed">
              or paste the rows below
            </Text>
          </Group>
          <Textarea
            aria-label="CSV"
            autosize
            minRows={6}
            maxRows={14}
            ff="monospace"
            value={csv}
            onChange={(e) => {
              setCsv(e.currentTarget.value);
              setRowErrors([]);
            }}
            placeholder={HEADERS[kind]}
            data-testid="import-csv"
          />
          {rowErrors.length > 0 && (
            <Alert color="red" title={`${rowErrors.length} problem${rowErrors.length === 1 ? '' : 's'}: nothing was imported`} data-testid="import-errors">
              <Table.ScrollContainer minWidth={480} mah={240}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Row</Table.Th>
                      <Table.Th>Column</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rowErrors.map((r, i) => (
                      <Table.Tr key={i} data-testid="import-row-error" data-row={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.field}</Table.Td>
                        <Table.Td>{r.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Alert>
          )}
          <FormFooter submitLabel="Import" loading={importCsv.isPending} onCancel={onClose} testId="import" disabled={csv.trim() === ''} />
        </Stack>
      </form>
    </Modal>
  );
}
