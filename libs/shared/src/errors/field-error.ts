/** Any error class, abstract or not; a mixin's base must take any arguments (TS2545). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass = abstract new (...args: any[]) => Error;

/** What `FieldError(Base)` makes: built from the field and the message, an instance of `Base`. */
export type FieldErrorClass<B extends ErrorClass> = abstract new (
  field: string,
  message: string,
) => InstanceType<B> & { readonly field: string };

/**
 * The base of a lib's error about one input it was given: `field` names the input (the HTTP layer
 * answers it as the problem's field), the message says what is wrong with it. `Base` is the lib's
 * own error base (`CalendarError`, `EventStoreError`, or `Error`), so its callers still catch it
 * by that; the class declares its `type` and `name`.
 */
export function FieldError<B extends ErrorClass>(Base: B): FieldErrorClass<B> {
  abstract class Field extends Base {
    readonly field: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      const [field, message] = args as [string, string];
      super(message);
      this.field = field;
    }
  }
  return Field as unknown as FieldErrorClass<B>;
}
