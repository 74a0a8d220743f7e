import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconQuestionMark } from '@tabler/icons-react';
import { messageOf, problemOf } from '../../../../api/problem';
import { notifySuccess } from '../../../../ui/notify';
import { scanBox, type ConfirmResultDto, type ScanBoxDto } from '../api';
import { ScannedBox } from './ScannedBox';

interface Ambiguous { boxNo: number; brands: Array<{ brandId: string; brand: string }> }

interface Props {
  poId: string;
  shipmentId: string;
  stickyRegion: string | null;
  brands: Array<{ value: string; label: string }>;
  onConfirmed: (r: ConfirmResultDto) => void;
}

/**
 * The scan form: a barcode scanner types the box number and Enter. The brand filter narrows the
 * number to one brand's box; without it a number two brands share asks which brand. Focus goes
 * back to the box number after every confirm, so the next scan needs no click.
 */
export function ScanStation({ poId, shipmentId, stickyRegion, brands, onConfirmed }: Props) {
  const [brandId, setBrandId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [box, setBox] = useState<ScanBoxDto | null>(null);
  const [ambiguous, setAmbiguous] = useState<Ambiguous | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [scanNo, setScanNo] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const refocus = () => setTimeout(() => input.current?.focus(), 0);

  const lookUp = async (boxNo: number, brand: string | null, boxId?: string) => {
    setError(null);
    setAmbiguous(null);
    setLooking(true);
    try {
      setBox(await scanBox(poId, boxId ? { boxId, brandId: brand } : { boxNo, brandId: brand }));
      setScanNo((n) => n + 1);
    } catch (err) {
      setBox(null);
      const many = problemOf<{ brands: Ambiguous['brands'] }>(err, 'stamping.box_ambiguous');
      if (many) setAmbiguous({ boxNo, brands: many.brands });
      else setError(messageOf(err));
    } finally {
      setLooking(false);
    }
  };

  const scan = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim().replace(/^#/, '');
    if (!/^\d{1,9}$/.test(t) || Number(t) < 1) return setError('Scan or type a box number, such as 10');
    void lookUp(Number(t), brandId);
  };

  const done = () => {
    setBox(null);
    setText('');
    refocus();
  };

  return (
    <Stack>
      <form onSubmit={scan} noValidate>
        <Group align="flex-end" wrap="wrap">
          <Select label="Filter by brand" placeholder="Every brand" clearable data={brands} value={brandId} w={220} data-testid="brand-filter"
            onChange={(v) => { setBrandId(v); refocus(); }} />
          <TextInput ref={input} label="Box number" placeholder="Scan or type, then Enter" inputMode="numeric" autoComplete="off" autoFocus data-autofocus
            value={text} error={error} w={240} data-testid="scan-input"
            onChange={(e) => { setText(e.currentTarget.value); setError(null); }} />
          <Button type="submit" variant="light" loading={looking} data-testid="scan-open">Open box</Button>
        </Group>
      </form>
      {ambiguous && (
        <Alert color="blue" icon={<IconQuestionMark />} title={`Which brand's box #${ambiguous.boxNo}?`} data-testid="choose-brand">
          <Text size="sm" mb="sm">Several brands use this number. Pick one, or set the brand filter to skip this question.</Text>
          <Group gap="xs">
            {ambiguous.brands.map((b) => (
              <Button key={b.brandId} variant="white" onClick={() => void lookUp(ambiguous.boxNo, b.brandId)} data-testid="pick-brand" data-brand={b.brand}>
                {b.brand} #{ambiguous.boxNo}
              </Button>
            ))}
          </Group>
        </Alert>
      )}
      {box && (
        <ScannedBox key={`${box.boxId}:${scanNo}`} poId={poId} shipmentId={shipmentId} box={box} stickyRegion={stickyRegion}
          onConfirmed={(r) => { done(); onConfirmed(r); }}
          onSkipped={() => { done(); notifySuccess(`${box.brand} #${box.boxNo} skipped: it stays unstamped on the order.`); }}
          onClearFilter={() => { setBrandId(null); void lookUp(box.boxNo, null, box.boxId); }}
          onReload={() => void lookUp(box.boxNo, brandId, box.boxId)} />
      )}
    </Stack>
  );
}
