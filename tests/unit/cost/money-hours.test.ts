import { describe, expect, it } from 'vitest';
import { scheduleHours, scheduleLabel } from '../../../src/cost/hours.ts';
import { describeChange, formatUsd, roundCents } from '../../../src/cost/index.ts';

describe('money', () => {
  it('formats dollars with thousands separators and two decimals', () => {
    expect(formatUsd(1234.56)).toBe('$1,234.56');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(88.6512)).toBe('$88.65');
    expect(formatUsd(-73)).toBe('-$73.00');
    expect(formatUsd(1234567.891)).toBe('$1,234,567.89');
  });

  it('rounds half away from zero despite binary noise', () => {
    expect(roundCents(1.005)).toBe(1.01); // 1.005 is 1.00499999... in binary
    expect(roundCents(465.84950000000003)).toBe(465.85);
    expect(roundCents(2.675)).toBe(2.68);
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(() => roundCents(Number.NaN)).toThrow();
  });

  it('describes what-if changes between cent-rounded amounts', () => {
    expect(describeChange(108.12, 181.12)).toBe('+$73.00/month (from $108.12 to $181.12)');
    expect(describeChange(200.5894, 108.1203)).toBe('-$92.47/month (from $200.59 to $108.12)');
    expect(describeChange(10, 10.001)).toBe('no change ($10.00/month)');
    expect(describeChange(null, 5)).toBe('now $5.00/month (could not be priced before)');
    expect(describeChange(5, null)).toBe('can no longer be priced (was $5.00/month)');
    expect(describeChange(null, null)).toBe('still cannot be priced');
  });
});

describe('hours', () => {
  it('uses 730 h for 24/7 and scales schedules by the share of the 168-hour week', () => {
    expect(scheduleHours({ hoursPerDay: 24, daysPerWeek: 7 })).toBe(730);
    // business hours: 730 x (10 x 5)/168 = 36500/168 = 217.2619...
    expect(scheduleHours({ hoursPerDay: 10, daysPerWeek: 5 })).toBeCloseTo(217.261904762, 8);
    // 12 h a day: 730 x 84/168 = 365
    expect(scheduleHours({ hoursPerDay: 12, daysPerWeek: 7 })).toBe(365);
    // weekdays only: 730 x 120/168 = 521.4286
    expect(scheduleHours({ hoursPerDay: 24, daysPerWeek: 5 })).toBeCloseTo(521.428571, 5);
    expect(scheduleLabel({ hoursPerDay: 10, daysPerWeek: 5 })).toBe(
      '217.26 hours per month (business hours: 10 h/day, Monday-Friday = 730 x 50/168)',
    );
  });
});
