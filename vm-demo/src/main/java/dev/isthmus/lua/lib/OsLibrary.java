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
    private static Object[] fileResult(LuaString from, LuaString to) {
        Path path = Path.of(from.toString());
        try {
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
                Files.move(path, Path.of(to.toString()), StandardCopyOption.REPLACE_EXISTING);
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
        // mktime normalises out-of-range fields, so build from the first of the month and add.
        LocalDateTime base = LocalDateTime.of(year, 1, 1, 0, 0, 0)
                .plusMonths(month - 1L).plusDays(day - 1L).plusHours(hour).plusMinutes(min).plusSeconds(sec);
        return LibraryTable.results((double) base.atZone(ZoneId.systemDefault()).toEpochSecond());
    }

    private static int field(LuaTable t, String name, int fallback) {
        Object v = t.get(LuaString.of(name));
        if (v instanceof Double d) {
            return (int) (double) d;
        }
        if (v instanceof LuaString s) {
            Double d = dev.isthmus.lua.runtime.NumberCoercion.parse(s);
            if (d != null) {
                return (int) (double) d;
            }
        }
        if (fallback < 0) {
            throw new LuaError("field '" + name + "' missing in date table");
        }
        return fallback;
    }

    private static Object[] date(Object[] args) {
        Arguments a = new Arguments("date", args);
        String format = a.optString(0, LuaString.of("%c")).toLatin1();
        long seconds = a.get(1) == null ? Instant.now().getEpochSecond() : (long) a.checkNumber(1);
        boolean utc = format.startsWith("!");
        if (utc) {
            format = format.substring(1);
        }
        ZonedDateTime time = Instant.ofEpochSecond(seconds).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        if (format.startsWith("*t")) {
            LuaTable t = new LuaTable();
            t.put(LuaString.of("year"), (double) time.getYear());
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
        return LibraryTable.results(LuaString.of(Strftime.format(format, time)));
    }
}
