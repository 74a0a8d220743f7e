import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBarcode, IconQuestionMark } from '@tabler/icons-react';
import { messageOf } from '../../../api/problem';
import { useBrands, useProducts } from '../setup/api';
import { findBoxes, type ShipmentDto } from './api';
import { BoxReceiveForm, type OpenBox } from './BoxReceiveForm';

type Step =
  | { kind: 'scan' }
  | { kind: 'choose'; boxNo: number; brands: Array<{ id: string; name: string; announced: boolean }> }
  | { kind: 'open'; box: OpenBox };

/**
 * Receiving at the dock: a barcode scanner types the box number and Enter. The number is looked
 * up under the brand filter; when several brands use it (Orbito #10, Linvo #10) and no filter is
 * set, the operator picks the brand. A number nobody announced becomes a new box of the brand.
 */
export function BoxScanForm({ shipment }: { shipment: ShipmentDto }) {
  const brands = useBrands();
  useProducts(); // warm: an opened box pre-selects its product from this list
  const [brandFilter, setBrandFilter] = useState<string | null>(null);
  const [scanned, setScanned] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'scan' });
  const input = useRef<HTMLInputElement>(null);
  const brandName = (id: string) => brands.data?.find((b) => b.id === id)?.name ?? 'Brand';

  const backToScan = () => {
    setStep({ kind: 'scan' });
    setScanned('');
    setTimeout(() => input.current?.focus(), 0);
  };

  const scan = async (e: FormEvent) => {
    e.preventDefault();
    const text = scanned.trim().replace(/^#/, '');
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) return setError('Scan or type a box number, such as 10');
    const boxNo = Number(text);
    setError(null);
    setLooking(true);
    try {
      const found = await findBoxes(shipment.id, boxNo, brandFilter);
      if (found.length === 1) return open(found[0]!);
      if (found.length === 0 && brandFilter) return open({ brandId: brandFilter, brand: brandName(brandFilter), boxNo, status: 'expected', lines: [] });
      // several brands use this number, or nobody announced it: which brand's box is it?
      const choices = found.length
        ? found.map((b) => ({ id: b.brandId, name: b.brand, announced: true }))
        : (brands.data ?? []).map((b) => ({ id: b.id, name: b.name, announced: false }));
      setStep({ kind: 'choose', boxNo, brands: choices });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setLooking(false);
    }
  };

  const open = (box: OpenBox) => {
    if (box.status === 'received') {
      setError(`Box ${box.brand} #${box.boxNo} was already received.`);
      setScanned('');
      return;
    }
    setStep({ kind: 'open', box });
  };

  const pick = async (boxNo: number, brandId: string, name: string) => {
    const [box] = await findBoxes(shipment.id, boxNo, brandId).catch(() => []);
    open(box ?? { brandId, brand: name, boxNo, status: 'expected', lines: [] });
  };

  return (
    <Card withBorder radius="lg" padding="lg" data-testid="box-scan">
      <Group gap="xs" mb="md">
        <IconBarcode size={22} />
        <Title order={3}>Receive boxes</Title>
      </Group>
      {step.kind === 'open' ? (
        <BoxReceiveForm shipment={shipment} box={step.box} onDone={backToScan} />
      ) : (
        <Stack>
          <form onSubmit={scan} noValidate>
            <Group align="flex-end" wrap="wrap">
              <Select
                label="Filter by brand"
                placeholder="Every brand"
                clearable
                data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                value={brandFilter}
                onChange={(v) => {
                  setBrandFilter(v);
                  input.current?.focus();
                }}
                comboboxProps={{ withinPortal: true }}
                w={220}
              />
              <TextInput
                ref={input}
                label="Box number"
                placeholder="Scan or type, then Enter"
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                value={scanned}
                onChange={(e) => {
                  setScanned(e.currentTarget.value);
                  setError(null);
                  if (step.kind === 'choose') setStep({ kind: 'scan' });
                }}
                error={error}
                data-testid="box-scan-input"
                w={240}
              />
              <Button type="submit" variant="light" loading={looking} data-testid="box-scan-open">Open box</Button>
            </Group>
          </form>
          {step.kind === 'choose' && (
            <Alert color="blue" icon={<IconQuestionMark />} title={`Which brand's box #${step.boxNo}?`} data-testid="choose-brand">
              <Text size="sm" mb="sm">
                {step.brands.some((b) => b.announced)
                  ? `Box #${step.boxNo} exists for several brands. Pick one, or set the brand filter to skip this question.`
                  : `Box #${step.boxNo} was not announced. Pick its brand to add it.`}
              </Text>
              <Group gap="xs">
                {step.brands.map((b) => (
                  <Button key={b.id} variant="white" onClick={() => void pick(step.boxNo, b.id, b.name)} data-testid="pick-brand" data-brand={b.name}>
                    {b.name} #{step.boxNo}
                  </Button>
                ))}
                <Button variant="subtle" onClick={backToScan}>Cancel</Button>
              </Group>
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}
