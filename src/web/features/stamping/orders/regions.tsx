import { useMemo } from 'react';
import { Badge, Group } from '@mantine/core';
import { useRegions, type RegionDto } from '../setup/api';

export type RegionMap = Map<string, RegionDto>;

/** Every tax region by code (inactive ones too: old POs still name them). */
export function useRegionMap(): RegionMap {
  const regions = useRegions();
  return useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r])), [regions.data]);
}

export const regionColour = (regions: RegionMap, code: string): string => regions.get(code)?.colour ?? 'gray';

/**
 * A PO's region colours as one CSS background: a single colour, or equal bands per region, so a
 * multi-region chip shows every region it stamps.
 */
export function regionStripe(regions: RegionMap, codes: string[]): string {
  if (codes.length === 0) return 'var(--mantine-color-gray-4)';
  const colour = (c: string) => `var(--mantine-color-${regionColour(regions, c)}-6)`;
  if (codes.length === 1) return colour(codes[0]!);
  const step = 100 / codes.length;
  return `linear-gradient(to bottom, ${codes.map((c, i) => `${colour(c)} ${i * step}% ${(i + 1) * step}%`).join(', ')})`;
}

export function RegionBadges({ codes, regions, size = 'sm' }: { codes: string[]; regions: RegionMap; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={4} wrap="wrap">
      {codes.map((c) => (
        <Badge key={c} size={size} variant="light" color={regionColour(regions, c)} data-testid="region-badge">
          {regions.get(c)?.name ?? c}
        </Badge>
      ))}
    </Group>
  );
}
