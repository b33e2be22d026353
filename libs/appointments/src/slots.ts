/**
 * The slots a hall publishes on one day (Regulation Art. 31–32, ADR 17): the opening hours of the
 * guide cut into slots; on a working day one 早晚弹性办 slot before opening and one after closing;
 * on a rest day the same hours as 预约服务 slots with their own, smaller capacity.
 */
export type SlotKind = 'regular' | 'flex' | 'rest-day';

export interface Slot {
  /** `HH:MM`, China time: the slot's id within its day. */
  readonly start: string;
  readonly end: string;
  readonly kind: SlotKind;
  readonly capacity: number;
}

export interface SlotPolicy {
  readonly slotMinutes: number;
  readonly capacity: number;
  readonly flexCapacity: number;
  readonly restDayCapacity: number;
  /** How many days ahead a slot can be booked (today is day 0). */
  readonly bookAheadDays: number;
}

export const DEFAULT_SLOT_POLICY: SlotPolicy = {
  slotMinutes: 60,
  capacity: 4,
  flexCapacity: 2,
  restDayCapacity: 1,
  bookAheadDays: 14,
};

interface Range {
  readonly from: number;
  readonly to: number;
}

/** The time ranges in a guide's 办理时间 (`工作日 9:00–12:00、13:30–17:30…`), in minutes after midnight. */
export function openingRanges(hours: string): Range[] {
  const ranges: Range[] = [];
  for (const m of hours.matchAll(/(\d{1,2})[:：](\d{2})\s*[–—~～至-]\s*(\d{1,2})[:：](\d{2})/g)) {
    const from = Number(m[1]) * 60 + Number(m[2]);
    const to = Number(m[3]) * 60 + Number(m[4]);
    if (to > from && to <= 24 * 60) ranges.push({ from, to });
  }
  return ranges.sort((a, b) => a.from - b.from);
}

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The day's slots from the guide's hours; none when the hours name no time range. */
export function publishedSlots(
  hours: string,
  working: boolean,
  policy: SlotPolicy = DEFAULT_SLOT_POLICY,
): Slot[] {
  const ranges = openingRanges(hours);
  if (ranges.length === 0) return [];
  const slots: Slot[] = [];
  const cut = (range: Range, kind: SlotKind, capacity: number) => {
    if (capacity <= 0) return; // a kind the hall does not offer
    for (let at = range.from; at + policy.slotMinutes <= range.to; at += policy.slotMinutes)
      slots.push({ start: hhmm(at), end: hhmm(at + policy.slotMinutes), kind, capacity });
  };
  if (!working) {
    for (const range of ranges) cut(range, 'rest-day', policy.restDayCapacity);
    return slots;
  }
  const open = ranges[0].from;
  const close = ranges[ranges.length - 1].to;
  if (open >= 60) cut({ from: open - 60, to: open }, 'flex', policy.flexCapacity);
  for (const range of ranges) cut(range, 'regular', policy.capacity);
  if (close + 60 <= 24 * 60) cut({ from: close, to: close + 60 }, 'flex', policy.flexCapacity);
  return slots;
}

/** The instant a slot's time of day begins on a China date. */
export function slotInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}
