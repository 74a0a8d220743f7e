import type { GradeDto } from '../../../contracts/grades';
import type { Queryable } from '../../kernel/db/types';

interface GradeRow { code: string; name: string; usable: boolean; position: number }
const toDto = (r: GradeRow): GradeDto => ({ code: r.code, name: r.name, usable: r.usable, position: r.position });

/** Every grade, in its position order (a short reference list: not paged). */
export async function listGrades(db: Queryable): Promise<GradeDto[]> {
  const rows = await db.query<GradeRow>('select code, name, usable, position from grade order by position, code');
  return rows.map(toDto);
}

export async function getGrade(db: Queryable, code: string): Promise<GradeDto | null> {
  const [r] = await db.query<GradeRow>('select code, name, usable, position from grade where code = $1', [code]);
  return r ? toDto(r) : null;
}
