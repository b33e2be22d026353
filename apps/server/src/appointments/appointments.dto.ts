import {
  CodeField,
  DateField,
  IdNumberField,
  LIMITS,
  NestedField,
  PatternField,
  TextField,
} from '@one-window/shared';

const slotField = () =>
  PatternField(/^\d{2}:\d{2}$/, 'slot must be a time HH:MM (a slot’s start)', {
    example: '09:00',
    maxLength: 5,
  });

export class SlotQueryDto {
  @CodeField({ example: 'hall-150102' })
  hall!: string;

  @CodeField({ description: 'the service item code' })
  item!: string;

  @DateField()
  day!: string;
}

export class BookingApplicantDto {
  @TextField(LIMITS.name, { example: '张伟' })
  name!: string;

  @PatternField(/^[0-9+\- ]{5,30}$/, 'phone must be 5–30 digits, spaces, "+" or "-"', {
    example: '13800000000',
    maxLength: 30,
  })
  phone!: string;

  @IdNumberField({
    description:
      'resident ID or unified social credit code (18 characters: its check digit is verified, GB 11643 / GB 32100; a wrong one is a 400 with rule id-check-digit): one open booking per number and hall-day',
  })
  idNumber!: string;
}

export class BookDto {
  @CodeField({ example: 'hall-150102' })
  hall!: string;

  @CodeField({ description: 'the service item code (its guide says 预约办理)' })
  itemCode!: string;

  @DateField()
  day!: string;

  @slotField()
  slot!: string;

  @NestedField(() => BookingApplicantDto)
  applicant!: BookingApplicantDto;
}

export class BookingRefDto {
  @TextField(120, { example: '150102-20260303-1', description: 'the appointment number' })
  appointmentId!: string;

  @TextField(20, { example: 'K7M2QX', description: 'the six-character code given at booking' })
  code!: string;
}

export class ChangeDto extends BookingRefDto {
  @DateField({ optional: true, description: 'another day: booked there first, then this one cancelled' })
  day?: string;

  @slotField()
  slot!: string;
}

export class DayQueryDto {
  @DateField({ optional: true, description: 'China date; today by default' })
  day?: string;
}
