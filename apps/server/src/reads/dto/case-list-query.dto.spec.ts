import { fieldSchemas } from '@one-window/shared';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CaseListQueryDto } from './case-list-query.dto.js';

// The case list's stage filter: the stages of one window and how a case ended, in the chart's order.
const STAGES = ['frontDesk', 'backOffice', 'delivery', 'completed', 'refused', 'withdrawn', 'denied'];

async function problems(query: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(CaseListQueryDto, query));
  return errors.flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('the case list query: stage', () => {
  it('documents the seven stages, in the order of the statechart', () => {
    expect(fieldSchemas(CaseListQueryDto).get('stage')).toMatchObject({
      kind: 'enum',
      enum: STAGES,
      required: false,
    });
  });

  it.each(STAGES)('takes %s', async (stage) => {
    expect(await problems({ stage })).toEqual([]);
  });

  it('refuses a status or an unknown stage, naming the seven', async () => {
    for (const stage of ['delivery.issued', 'rating']) {
      expect(await problems({ stage })).toEqual([
        `stage must be one of the following values: ${STAGES.join(', ')}`,
      ]);
    }
  });
});
