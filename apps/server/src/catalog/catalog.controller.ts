import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Catalog, type Department, type Hall, type ServiceGuide } from '@one-window/catalog';
import { IdPipe } from '../http/id.pipe.js';
import { CatalogQueryDto, GuideQueryDto } from './catalog-query.dto.js';
import { CatalogItemDto, DirectoryDto } from './catalog.dto.js';
import { StaffApi } from '../http/staff-api.decorator.js';

function summary(guide: ServiceGuide): CatalogItemDto {
  return {
    code: guide.code,
    version: guide.version,
    name: guide.name,
    ...(guide.nameEn ? { nameEn: guide.nameEn } : {}),
    itemType: guide.itemType,
    level: guide.level,
    caseKind: guide.caseKind,
    department: guide.department,
    implementingAgency: guide.implementingAgency,
    statutoryLimitDays: guide.statutoryLimitDays,
    promisedLimitDays: guide.promisedLimitDays,
    charged: guide.fee.charged,
    steps: guide.steps.length,
    demo: guide.demo ?? false,
  };
}

/** The region's one catalog (Art. 5): every signed-in user may read it. */
@StaffApi('catalog', 'api/catalog')
export class CatalogController {
  constructor(private readonly catalog: Catalog) {}

  @Get('items')
  @ApiOperation({ summary: 'the catalog, filterable by level, department, type, case kind and text' })
  @ApiOkResponse({ type: [CatalogItemDto] })
  list(@Query() query: CatalogQueryDto): CatalogItemDto[] {
    return this.catalog
      .list({
        level: query.level,
        department: query.department,
        itemType: query.type,
        caseKind: query.caseKind,
        q: query.q,
      })
      .map(summary);
  }

  @Get('items/:code')
  @ApiOperation({ summary: "one item's service guide (办事指南), latest version or ?version=" })
  @ApiOkResponse({ description: 'the ServiceGuide (see libs/catalog/src/guide.ts), with `versions`' })
  get(
    @Param('code', IdPipe) code: string,
    @Query() query: GuideQueryDto,
  ): ServiceGuide & { versions: readonly number[] } {
    return { ...this.catalog.get(code, query.version), versions: this.catalog.versions(code) };
  }

  @Get('directory')
  @ApiOperation({ summary: 'halls and departments (ids used as scopes and in guides)' })
  @ApiOkResponse({ type: DirectoryDto })
  directory(): { halls: readonly Hall[]; departments: readonly Department[] } {
    return { halls: this.catalog.directory.halls(), departments: this.catalog.directory.departments() };
  }
}
