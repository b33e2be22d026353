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

  /** The departments working in a hall's back office. */
  departmentsOf(hallId: string): readonly Department[] {
    return this.departments().filter((d) => d.hall === hallId);
  }
}
