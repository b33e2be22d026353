import type { ServiceGuide } from './guide.js';
import type { Department, Hall, OrgDirectoryData } from './org.js';

/** The halls and departments of a loaded catalog; lookups answer `undefined` for an unknown id. */
export class Directory {
  private readonly hallById: ReadonlyMap<string, Hall>;
  private readonly departmentById: ReadonlyMap<string, Department>;

  constructor(data: OrgDirectoryData) {
    this.hallById = new Map(data.halls.map((h) => [h.id, h]));
    this.departmentById = new Map(data.departments.map((d) => [d.id, d]));
  }

  hall(id: string): Hall | undefined {
    return this.hallById.get(id);
  }

  department(id: string): Department | undefined {
    return this.departmentById.get(id);
  }

  halls(): readonly Hall[] {
    return [...this.hallById.values()];
  }

  departments(): readonly Department[] {
    return [...this.departmentById.values()];
  }

  /**
   * Whether a hall may receive an item under its 通办范围 (Art. 10's cross-region scope): `none` —
   * only halls of the deciding department's own division; `league` — any hall of its 盟市
   * (the first four digits of the division code; a region-level department's league is the
   * region); `region` — any hall of the autonomous region; `national` — any hall.
   */
  reaches(guide: Pick<ServiceGuide, 'department' | 'crossRegionScope'>, hallId: string): boolean {
    const hall = this.hall(hallId);
    const department = this.department(guide.department);
    if (!hall || !department) return false;
    const same = (digits: number) =>
      hall.divisionCode.slice(0, digits) === department.divisionCode.slice(0, digits);
    switch (guide.crossRegionScope) {
      case 'none':
        return same(6);
      case 'league':
        return department.divisionCode.endsWith('0000') ? same(2) : same(4);
      case 'region':
        return same(2);
      case 'national':
        return true;
    }
  }

  /** The departments working in a hall's back office. */
  departmentsOf(hallId: string): readonly Department[] {
    return this.departments().filter((d) => d.hall === hallId);
  }
}
