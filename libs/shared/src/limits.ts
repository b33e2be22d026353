/** Field size limits: a field past these is a 400, long before the body limit (413). See ADR 0010. */
export const LIMITS = {
  code: 64,
  /** A person's or a legal person's registered name (branches and foreign-invested firms pass 100). */
  name: 200,
  text: 2000,
  /** A reviewer's opinion or a procedure's result: a full 审查意见. */
  longText: 4000,
  line: 300,
  list: 100,
} as const;

/** Material, item and step codes: letters, digits and a few separators. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** A China business date. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
