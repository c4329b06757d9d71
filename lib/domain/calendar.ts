// The programme's calendar. Field dates (a report's period, a session, an
// accident) are days in Iraq, so "today" is Iraq's day, not the server's or
// UTC's: from midnight to 03:00 in Baghdad, UTC is still on yesterday. Iraq
// keeps UTC+3 all year.
export const PROGRAMME_TIME_ZONE = "Asia/Baghdad";

const ISO_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: PROGRAMME_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The day it is in Iraq at `at`, as YYYY-MM-DD. */
export function programmeDay(at: Date = new Date()): string {
  return ISO_DAY.format(at);
}
