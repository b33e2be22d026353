// `@one-window/calendar/store`: the year schedules kept as events in the event store. Apart from
// `@one-window/calendar` so that the pure calendar, and the decider using it, load no event store.
export { CalendarStore } from './calendar-store.js';
