import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CatalogItemDto {
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() nameEn?: string;
  @ApiProperty({ description: 'GB/T 39046 A.1' }) itemType!: string;
  @ApiProperty({ description: 'GB/T 39046 level 2–6' }) level!: number;
  @ApiProperty({ enum: ['on-the-spot', 'promised'] }) caseKind!: string;
  @ApiProperty() department!: string;
  @ApiProperty() implementingAgency!: string;
  @ApiProperty({ description: 'working days' }) statutoryLimitDays!: number;
  @ApiProperty({ description: 'working days' }) promisedLimitDays!: number;
  @ApiProperty() charged!: boolean;
  @ApiProperty({ description: 'number of approval steps' }) steps!: number;
  @ApiProperty({ description: 'demo data: names and limits realistic, codes not official' }) demo!: boolean;
}

export class HallDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() divisionCode!: string;
  @ApiProperty() level!: number;
}

export class DepartmentDto extends HallDto {
  @ApiProperty({ description: 'the hall whose back office it works in' }) hall!: string;
}

export class DirectoryDto {
  @ApiProperty({ type: [HallDto] }) halls!: HallDto[];
  @ApiProperty({ type: [DepartmentDto] }) departments!: DepartmentDto[];
}
