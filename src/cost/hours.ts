// Monthly compute hours. AWS prices a month as 730 hours (24 h x 365 days / 12); schedules scale that by the
// share of the 168 weekly hours that run, so "business hours" (10 h x 5 days) = 730 x 50/168 = 217.26 h.
import type { HoursSchedule } from './types.ts';

export const HOURS_PER_MONTH = 730;
export const HOURS_PER_WEEK = 168;
/** Upper bound for a monthly figure given directly: a 31-day month. */
export const MAX_HOURS_PER_MONTH = 744;
export const BUSINESS_HOURS: HoursSchedule = { hoursPerDay: 10, daysPerWeek: 5 };

export function scheduleHours(s: HoursSchedule): number {
  return (HOURS_PER_MONTH * s.hoursPerDay * s.daysPerWeek) / HOURS_PER_WEEK;
}

function trim(n: number): string {
  return String(Number(n.toFixed(2)));
}

export function scheduleLabel(s: HoursSchedule): string {
  const weekly = s.hoursPerDay * s.daysPerWeek;
  if (weekly === HOURS_PER_WEEK) return '730 hours per month (24/7; 730 = 24 h x 365 days / 12)';
  const name =
    s.hoursPerDay === BUSINESS_HOURS.hoursPerDay && s.daysPerWeek === BUSINESS_HOURS.daysPerWeek
      ? 'business hours: 10 h/day, Monday-Friday'
      : `${trim(s.hoursPerDay)} h/day, ${s.daysPerWeek} days/week`;
  return `${trim(scheduleHours(s))} hours per month (${name} = 730 x ${trim(weekly)}/168)`;
}

export function explicitHoursLabel(hours: number): string {
  return `${trim(hours)} hours per month (as given)`;
}
