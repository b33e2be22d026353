/**
 * The event store CaseModule writes to. `CaseModule.forRoot({ eventStore })` binds it to the
 * application's store provider (the event-store library's EVENT_STORE, or the server's own token).
 */
export const CASE_EVENT_STORE = Symbol('CASE_EVENT_STORE');
