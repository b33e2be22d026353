import { MAX_DUE_WITHIN, TASK_SORTS, type TaskSort } from '@one-window/read-models';
import { Transform, Type } from 'class-transformer';
import { BooleanField, EnumField, IntField, TextField } from '../../http/fields.js';
import { LIMITS } from '../../http/limits.js';
import { PageQueryDto } from '../../http/page-query.dto.js';

const flag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class TaskQueryDto extends PageQueryDto {
  @EnumField(['mine', 'department'], {
    optional: true,
    description: 'mine: held by you; department: your department (default)',
  })
  queue?: 'mine' | 'department';

  @EnumField(['open', 'claimed'], { optional: true, description: 'open: nobody holds it yet; claimed: held' })
  status?: 'open' | 'claimed';

  @TextField(LIMITS.line, {
    optional: true,
    description: 'where the previous page ended: its nextCursor (page is then ignored)',
  })
  cursor?: string;

  @TextField(LIMITS.code, { optional: true, description: 'an item code' })
  item?: string;

  @TextField(LIMITS.code, { optional: true, description: "a step's name as the guide gives it (review, …)" })
  step?: string;

  @Transform(flag)
  @BooleanField({ optional: true, description: 'green-channel cases only (true) or none of them (false)' })
  greenChannel?: boolean;

  @Transform(flag)
  @BooleanField({ optional: true, description: 'cases with an open 容缺 deficiency' })
  deficiency?: boolean;

  @Transform(flag)
  @BooleanField({ optional: true, description: 'cases whose decision limit was extended (延期)' })
  extended?: boolean;

  @Type(() => Number)
  @IntField(0, MAX_DUE_WITHIN, {
    optional: true,
    description: 'steps due within this many working days from today (overdue ones too)',
  })
  dueWithin?: number;

  @TextField(LIMITS.name, {
    optional: true,
    description: 'the case number (its start) or text in the applicant name',
  })
  q?: string;

  @EnumField(TASK_SORTS, {
    optional: true,
    description:
      "stepDue (default): green channel first, then the step's due date; received: oldest case first",
  })
  sort?: TaskSort;
}
