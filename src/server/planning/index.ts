/** Planning: capacity calendars any kind of run books onto. The module's public surface. */
export { registerPlanningRoutes } from './routes';
export { book, rebook, shrinkBooking, unbook, bookingOf, bookedByDay, planSplit, nextDayWithRoom, type BookingInput } from './bookings';
export { loadSite, listSites } from './site';
export { siteDays } from './queries/days';
export { cutLines, splitAcrossDays } from './split';
export { addDays, isWorkingDay, localDay, localDayBounds, mondayOf, type Day } from './days';
