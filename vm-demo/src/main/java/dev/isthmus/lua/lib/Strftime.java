package dev.isthmus.lua.lib;


import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** C's {@code strftime} in the "C" locale, for {@code os.date}: the conversions glibc documents. */
final class Strftime {
    private Strftime() {
    }

    static String format(String format, ZonedDateTime t) {
        return format(format, t, 0);
    }

    /**
     * The time {@code t} formatted as if its year were {@code yearsAdded} later: os.date moves a
     * year java.time cannot hold by whole 400-year cycles, in which every date and weekday repeat.
     */
    static String format(String format, ZonedDateTime t, long yearsAdded) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            // As glibc's strftime, which LuaJIT's os.date calls: a lone '%' stays, the E and O
            // modifiers are accepted and ignored, '-' drops the padding, unknown conversions
            // are copied as written.
            int start = i;
            boolean unpadded = false;
            while (i + 1 < format.length() && "EO-".indexOf(format.charAt(i + 1)) >= 0) {
                unpadded |= format.charAt(++i) == '-';
            }
            if (++i >= format.length()) {
                out.append(format, start, format.length());
                break;
            }
            String converted = conversion(format.charAt(i), t, format, yearsAdded);
            if (converted == null) {
                out.append(format, start, i + 1);
            } else {
                out.append(unpadded ? stripPadding(converted) : converted);
            }
        }
        return out.toString();
    }

    private static String conversion(char spec, ZonedDateTime t, String format, long yearsAdded) {
        long year = t.getYear() + yearsAdded;
        return switch (spec) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'c' -> format("%a %b %e %H:%M:%S %Y", t, yearsAdded);
            // glibc's century and year of century for any year: floor division, so -1 is century -1, year 99.
            case 'C' -> String.format("%02d", Math.floorDiv(year, 100));
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> format("%m/%d/%y", t, yearsAdded);
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'F' -> format("%Y-%m-%d", t, yearsAdded);
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'r' -> format("%I:%M:%S %p", t, yearsAdded);
            case 'R' -> format("%H:%M", t, yearsAdded);
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T' -> format("%H:%M:%S", t, yearsAdded);
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'U' -> two((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7);
            case 'x' -> format("%m/%d/%y", t, yearsAdded);
            case 'X' -> format("%H:%M:%S", t, yearsAdded);
            case 'y' -> two((int) Math.floorMod(year, 100));
            case 'Y' -> Long.toString(year);
            case 'z' -> {
                int offset = t.getOffset().getTotalSeconds() / 60;
                yield String.format("%c%02d%02d", offset < 0 ? '-' : '+', Math.abs(offset) / 60, Math.abs(offset) % 60);
            }
            case 'Z' -> t.getZone().getDisplayName(TextStyle.SHORT, Locale.US).equals("Z") ? "GMT"
                    : t.getZone().getDisplayName(TextStyle.SHORT, Locale.US);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }


    /** glibc's '-' flag: a number without its leading zeros or spaces. */
    private static String stripPadding(String converted) {
        int i = 0;
        while (i < converted.length() - 1 && (converted.charAt(i) == '0' || converted.charAt(i) == ' ')
                && Character.isDigit(converted.charAt(i + 1))) {
            i++;
        }
        return converted.substring(i);
    }
}
