// `@one-window/calendar/nest`: the calendar as a Nest module, for the server. The pure calendar
// (dates, deadlines, the working calendar) is `@one-window/calendar` and loads no Nest.
export { CalendarModule, type CalendarModuleOptions } from './calendar.module.js';
export { CalendarService } from './calendar.service.js';
export { CALENDAR_CLOCK } from './calendar.tokens.js';
