import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every command answers: where the case now stands, and the position to read one's own write. */
export class CommandAnswerDto {
  @ApiProperty() caseId!: string;
  @ApiPropertyOptional({ description: '办件编号' }) caseNumber?: string;
  @ApiProperty({ description: 'the case machine state, e.g. `frontDesk.received`, `backOffice.underReview`' })
  state!: string;
  @ApiProperty({ description: 'frontDesk, backOffice, delivery, or how the case ended' }) stage!: string;
  @ApiProperty({ description: 'the case stream revision after this command' }) revision!: number;
  @ApiProperty({ description: 'event-store position written; pass as ?minPosition= on reads' })
  position!: number;
  @ApiProperty({ description: 'false when this command id was seen before: nothing new was written' })
  written!: boolean;
  @ApiProperty({ type: [String], description: 'the event types this command stored' })
  events!: readonly string[];
}
