package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Lua's os library (Lua 5.1 manual 5.8). {@code os.clock} is the wall time since the state
 * started, not CPU time: the JVM's compiler threads would otherwise be billed to the script,
 * which makes timings meaningless. {@code os.exit} ends the program through
 * {@link dev.isthmus.lua.runtime.LuaExit}.
 */
public final class OsLibrary {
    private final long startNanos = System.nanoTime();

    private OsLibrary() {
    }

    /** {@code os.execute([command])}: C's {@code system}: the wait status, or with no command, 1 (a shell is there). */
    private static Object[] execute(LuaRuntime runtime, Object[] args) {
        LuaString command = new Arguments("execute", args).optString(0, null);
        if (command == null) {
            return LibraryTable.results(1.0);
        }
        try {
            return LibraryTable.results((double) PipeFiles.execute(runtime, command.toString()));
        } catch (IOException e) {
            return LibraryTable.results(-1.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LibraryTable.results(-1.0);
        }
    }

    public static LuaTable install(LuaRuntime runtime) {
        OsLibrary lib = new OsLibrary();
        LuaTable t = new LibraryTable()
                .add("clock", args -> LibraryTable.results((System.nanoTime() - lib.startNanos) / 1e9))
                .add("time", OsLibrary::time)
                .add("date", OsLibrary::date)
                .add("difftime", args -> {
                    Arguments a = new Arguments("difftime", args);
                    return LibraryTable.results(a.checkNumber(0) - a.optNumber(1, 0));
                })
                .add("getenv", args -> {
                    String v = System.getenv(new Arguments("getenv", args).checkString(0).toString());
                    return LibraryTable.results(v == null ? null : LuaString.of(v));
                })
                .add("exit", args -> {
                    Object code = args.length > 0 ? args[0] : null;
                    int status = code == null || Boolean.TRUE.equals(code) ? 0 : Boolean.FALSE.equals(code) ? 1
                            : new Arguments("exit", args).checkInt(0);
                    runtime.out().flush();
                    throw new dev.isthmus.lua.runtime.LuaExit(status);
                })
                .add("remove", args -> fileResult(new Arguments("remove", args).checkString(0), null))
                .add("rename", args -> {
                    Arguments a = new Arguments("rename", args);
                    return fileResult(a.checkString(0), a.checkString(1));
                })
                .add("execute", args -> execute(runtime, args))
                .add("setlocale", args -> {
                    Arguments a = new Arguments("setlocale", args);
                    LuaString locale = a.optString(0, null);
                    String categoryName = a.optString(1, LuaString.of("all")).toString();
                    int category = CLocale.category(categoryName);
                    if (category < 0) {
                        throw a.bad(1, "invalid option '" + categoryName + "'");
                    }
                    String result = CLocale.set(category, locale == null ? null : locale.toString());
                    return LibraryTable.results(result == null ? null : LuaString.of(result));
                })
                .add("tmpname", args -> {
                    try {
                        // mkstemp's shape, as LuaJIT's os.tmpname: /tmp/lua_XXXXXX, created empty.
                        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
                        for (int attempt = 0; attempt < 100; attempt++) {
                            StringBuilder name = new StringBuilder("/tmp/lua_");
                            for (int i = 0; i < 6; i++) {
                                name.append(alphabet.charAt(r.nextInt(alphabet.length())));
                            }
                            File f = new File(name.toString());
                            if (f.createNewFile()) {
                                return LibraryTable.results(LuaString.of(f.getPath()));
                            }
                        }
                        throw new IOException("no unique name");
                    } catch (IOException e) {
                        throw new LuaError("unable to generate a unique filename");
                    }
                })
                .table();
        runtime.globals().put(LuaString.of("os"), t);
        return t;
    }

    /** {@code os.remove} and {@code os.rename}: true, or nil plus a C-style message and errno. */
    private static Object[] fileResult(LuaString fromName, LuaString toName) {
        String from = CFileName.of(fromName);
        String to = toName == null ? null : CFileName.of(toName);
        try {
            Path path = CFileName.path(from);
            if (to == null) {
                if (Files.isDirectory(path)) {
                    try (var s = Files.list(path)) {
                        if (s.findAny().isPresent()) {
                            return LibraryTable.results(null, LuaString.of(from + ": Directory not empty"), 39.0);
                        }
                    }
                }
                Files.delete(path);
            } else {
                Files.move(path, CFileName.path(to), StandardCopyOption.REPLACE_EXISTING);
            }
            return LibraryTable.results(Boolean.TRUE);
        } catch (NoSuchFileException e) {
            return LibraryTable.results(null, LuaString.of(from + ": No such file or directory"), 2.0);
        } catch (IOException e) {
            return LibraryTable.results(null, LuaString.of(from + ": Permission denied"), 13.0);
        }
    }

    private static Object[] time(Object[] args) {
        Arguments a = new Arguments("time", args);
        if (a.get(0) == null) {
            return LibraryTable.results((double) Instant.now().getEpochSecond());
        }
        LuaTable t = a.checkTable(0);
        // Read in Lua 5.1's order (sec to year), so a table missing several fields names the day first.
        int sec = field(t, "sec", 0);
        int min = field(t, "min", 0);
        int hour = field(t, "hour", 12);
        int day = field(t, "day", -1);
        int month = field(t, "month", -1);
        int year = field(t, "year", -1);
        // As LuaJIT hands them to mktime: tm_year = year - 1900 in int arithmetic (so it wraps),
        // tm_mon = month - 1; mktime normalises every field out of its range.
        int tmYear = year - 1900;
        int monthsFromYear = month - 1;
        long fullYear = tmYear + 1900L + Math.floorDiv(monthsFromYear, 12);
        long days = CivilCalendar.dayOf(fullYear, (int) Math.floorMod(monthsFromYear, 12) + 1, 1) + day - 1;
        long local = days * 86_400 + hour * 3_600L + min * 60L + sec;
        if (!CivilCalendar.fitsStructTm(Math.floorDiv(local, 86_400))) {
            // mktime fails (EOVERFLOW) and returns -1, which LuaJIT answers with nil.
            return LibraryTable.results((Object) null);
        }
        return LibraryTable.results((double) (local - zoneOffsetSeconds(local)));
    }

    /** The system time zone's offset in force at local time {@code local} (seconds since the epoch as if UTC). */
    private static long zoneOffsetSeconds(long local) {
        // Past java.time's range the zone's rules are those of its last transition anyway.
        long clamped = Math.clamp(local, -MAX_JAVA_SECONDS, MAX_JAVA_SECONDS);
        LocalDateTime at = LocalDateTime.ofEpochSecond(clamped, 0, ZoneOffset.UTC);
        return at.atZone(ZoneId.systemDefault()).getOffset().getTotalSeconds();
    }

    /** A date field as LuaJIT's os.time reads it: {@code (int) lua_tointeger}. */
    private static int field(LuaTable t, String name, int fallback) {
        Object v = t.get(LuaString.of(name));
        if (v instanceof Double || v instanceof LuaString s && dev.isthmus.lua.runtime.NumberCoercion.parse(s) != null) {
            return new Arguments("time", new Object[] {v}).checkIntViaInteger(0);
        }
        if (fallback < 0) {
            throw new LuaError("field '" + name + "' missing in date table");
        }
        return fallback;
    }

    /** The last second java.time's Instant and LocalDateTime both hold, each way, less a day for the zone. */
    private static final long MAX_JAVA_SECONDS = 365_241_780_470L * 86_400;
    private static final long SECONDS_PER_ERA = 146_097L * 86_400;

    /** A number as C's {@code (time_t)} cast makes it on x86-64: truncated, and -2^63 for NaN and what is out of range. */
    private static long timeT(double d) {
        return d >= -9.223372036854775808E18 && d < 9.223372036854775807E18 ? (long) d : Long.MIN_VALUE;
    }

    private static Object[] date(Object[] args) {
        Arguments a = new Arguments("date", args);
        String format = a.optString(0, LuaString.of("%c")).toLatin1();
        if (format.indexOf('\0') >= 0) {
            // os_date reads the format as a C string: it ends at its first NUL.
            format = format.substring(0, format.indexOf('\0'));
        }
        long seconds = a.get(1) == null ? Instant.now().getEpochSecond() : timeT(a.checkNumber(1));
        boolean utc = format.startsWith("!");
        if (utc) {
            format = format.substring(1);
        }
        if (!CivilCalendar.fitsStructTm(Math.floorDiv(seconds, 86_400))) {
            // gmtime and localtime fail past struct tm's int year, and LuaJIT returns nil.
            return LibraryTable.results((Object) null);
        }
        // java.time holds a billion years each way, struct tm two: move by whole 400-year cycles.
        long eras = 0;
        while (seconds > MAX_JAVA_SECONDS || seconds < -MAX_JAVA_SECONDS) {
            long step = seconds > 0 ? -SECONDS_PER_ERA : SECONDS_PER_ERA;
            long count = Math.max(1, (Math.abs(seconds) - MAX_JAVA_SECONDS / 2) / SECONDS_PER_ERA);
            seconds += step * count;
            eras -= Long.signum(step) * count;
        }
        long yearsAdded = eras * 400;
        ZonedDateTime time = Instant.ofEpochSecond(seconds).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        if (format.startsWith("*t")) {
            LuaTable t = new LuaTable();
            t.put(LuaString.of("year"), (double) (time.getYear() + yearsAdded));
            t.put(LuaString.of("month"), (double) time.getMonthValue());
            t.put(LuaString.of("day"), (double) time.getDayOfMonth());
            t.put(LuaString.of("hour"), (double) time.getHour());
            t.put(LuaString.of("min"), (double) time.getMinute());
            t.put(LuaString.of("sec"), (double) time.getSecond());
            t.put(LuaString.of("wday"), (double) (time.getDayOfWeek().getValue() % 7 + 1));
            t.put(LuaString.of("yday"), (double) time.getDayOfYear());
            t.put(LuaString.of("isdst"), time.getZone().getRules().isDaylightSavings(time.toInstant()));
            return LibraryTable.results(t);
        }
        return LibraryTable.results(LuaString.of(Strftime.format(format, time, yearsAdded)));
    }
}
