/** Wire types, taken from the shared contracts (type-only: no validation code reaches the bundle). */
import type { z } from 'zod';
import type { LocationDto as LocationSchema, LotDto as LotSchema } from '../../contracts/inventory';
import type { SerialDetailDto as SerialDetailSchema } from '../../contracts/serials';
export type { UserDto, Me, DepartmentDto, TeamDto, CustomerDto, TokenDto } from '../../contracts/people';
export type { ActivityEvent, AuditEventDto } from '../../contracts/activity';
export type { Role, Permission } from '../../contracts/permissions';
export type { StockSummaryDto, BalanceDto, StockEntryDto, StockDocumentDto, ReservationDto, TransitLineDto, LotTraceDto, TraceRowDto } from '../../contracts/inventory';
export type { GradeDto } from '../../contracts/grades';
export type { AttributeDto, CreateAttribute, CreateItem, ItemDto, UnitDto, UpdateAttribute, UpdateItem, VariantDto } from '../../contracts/catalog';
export type { SerialDto, SerialEventDto, SerialEventInput } from '../../contracts/serials';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface RoleMatrix {
  roles: Array<{ id: string; label: string }>;
  permissions: Array<{ id: string; label: string; roles: string[] }>;
}

export interface Ok {
  ok: true;
}

/** Inventory wire types the contracts declare only as schemas. */
export type LocationDto = z.infer<typeof LocationSchema>;
export type LotDto = z.infer<typeof LotSchema>;
export type SerialDetailDto = z.infer<typeof SerialDetailSchema>;
