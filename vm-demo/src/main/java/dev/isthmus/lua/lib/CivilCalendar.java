package dev.isthmus.lua.lib;

/**
 * The proleptic Gregorian calendar on 64-bit day numbers (days since 1970-01-01), for the years
 * C's {@code struct tm} reaches (its {@code tm_year} is an int, so some two billion years each
 * way) and {@code java.time} does not (a billion). The calendar repeats every 400 years, which
 * are 146,097 days.
 */
final class CivilCalendar {
    private static final long DAYS_PER_ERA = 146_097;
    /** Days from 0000-03-01 to 1970-01-01: years counted from March put the leap day last. */
    private static final long EPOCH_SHIFT = 719_468;

    private CivilCalendar() {
    }

    /** The day number of {@code year-month-day}, month 1 to 12 and day 1 to 31. */
    static long dayOf(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int monthFromMarch = (month + 9) % 12;
        long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
    }

    /** The year day number {@code days} falls in. */
    static long yearOf(long days) {
        long shifted = days + EPOCH_SHIFT;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (int) ((5 * dayOfYear + 2) / 153);
        return yearOfEra + era * 400 + (monthFromMarch >= 10 ? 1 : 0);
    }

    /** Whether the year of day {@code days} fits {@code struct tm}: its {@code tm_year}, the year less 1900, is an int. */
    static boolean fitsStructTm(long days) {
        long tmYear = yearOf(days) - 1900;
        return tmYear >= Integer.MIN_VALUE && tmYear <= Integer.MAX_VALUE;
    }
}
