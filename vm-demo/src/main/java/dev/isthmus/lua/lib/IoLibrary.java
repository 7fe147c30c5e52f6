package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.StringLike;
import dev.isthmus.lua.runtime.NumberCoercion;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lua's io library (Lua 5.1 manual 5.7): default input and output, file handles and their methods. */
public final class IoLibrary {
    private final LuaRuntime runtime;
    private final LuaTable fileMetatable = new LuaTable();
    private LuaFile defaultOutput;
    private LuaFile defaultInput;

    private IoLibrary(LuaRuntime runtime) {
        this.runtime = runtime;
    }

    public static LuaTable install(LuaRuntime runtime, InputStream stdin) {
        IoLibrary lib = new IoLibrary(runtime);
        // LuaJIT's file metatable is also its method table (contents.lua lists it whole).
        new LibraryTable(lib.fileMetatable)
                .add("read", args -> lib.read(lib.checkFile("read", args), args, 1))
                .add("write", args -> lib.write(lib.checkFile("write", args), args, 1))
                .add("lines", args -> lib.lines(lib.checkFile("lines", args), false))
                .add("close", args -> lib.close(lib.checkFile("close", args)))
                .add("flush", args -> {
                    lib.io(() -> lib.checkFile("flush", args).flushWrites());
                    // LuaJIT returns true (luaL_fileresult), not the file as Lua 5.2 does.
                    return LibraryTable.results(Boolean.TRUE);
                })
                .add("seek", lib::seek)
                .add("setvbuf", args -> {
                    LuaFile f = lib.checkFile("setvbuf", args);
                    f.setBuffering(new Arguments("setvbuf", args).checkOption(1, null, "no", "full", "line"));
                    return LibraryTable.results(Boolean.TRUE);
                })
                .add("__gc", args -> {
                    // A file collected while open is closed, as Lua's io library does; here the
                    // JVM reclaims it, so only an explicit call reaches this.
                    if (args.length > 0 && args[0] instanceof LuaFile f && !f.isClosed() && !f.isStandard()) {
                        lib.io(f::close);
                    }
                    return LibraryTable.results();
                });
        lib.fileMetatable.put(LuaString.of("__index"), lib.fileMetatable);
        lib.fileMetatable.put(LuaString.of("__tostring"), new JavaFunction("tostring", args -> {
            LuaFile f = (LuaFile) args[0];
            return LibraryTable.results(LuaString.of(f.isClosed() ? "file (closed)" : "file (" + ValueText.address(f) + ")"));
        }));
        LuaFile stdout = new LuaFile(lib.fileMetatable, null, runtime.out());
        LuaFile stderr = new LuaFile(lib.fileMetatable, null, runtime.err());
        LuaFile stdinFile = new LuaFile(lib.fileMetatable, stdin, null);
        lib.defaultOutput = stdout;
        lib.defaultInput = stdinFile;
        LuaTable t = new LibraryTable()
                .add("write", args -> lib.write(lib.defaultOutput, args, 0))
                .add("read", args -> lib.read(lib.defaultInput, args, 0))
                .add("lines", lib::ioLines)
                .add("open", lib::open)
                .add("popen", lib::popen)
                .add("tmpfile", args -> lib.tmpfile())
                .add("flush", args -> {
                    lib.io(() -> lib.defaultOutput.flushWrites());
                    return LibraryTable.results(Boolean.TRUE);
                })
                .add("close", args -> lib.close(args.length == 0 ? lib.defaultOutput : lib.checkFile("close", args)))
                .add("type", args -> {
                    Object v = new Arguments("type", args).checkAny(0);
                    return LibraryTable.results(v instanceof LuaFile f ? LuaString.of(f.isClosed() ? "closed file" : "file") : null);
                })
                .add("output", args -> {
                    lib.defaultOutput = lib.select(args, lib.defaultOutput, "w");
                    return LibraryTable.results(lib.defaultOutput);
                })
                .add("input", args -> {
                    lib.defaultInput = lib.select(args, lib.defaultInput, "r");
                    return LibraryTable.results(lib.defaultInput);
                })
                .set("stdout", stdout)
                .set("stderr", stderr)
                .set("stdin", stdinFile)
                .table();
        runtime.globals().put(LuaString.of("io"), t);
        return t;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new LuaError(e.getMessage());
        }
    }

    private LuaFile checkFile(String name, Object[] args) {
        Arguments a = new Arguments(name, args);
        if (a.get(0) instanceof LuaFile f) {
            if (f.isClosed()) {
                throw new LuaError("attempt to use a closed file");
            }
            return f;
        }
        throw a.typeError(0, "FILE*");
    }

    private LuaFile select(Object[] args, LuaFile current, String mode) {
        if (args.length == 0 || args[0] == null) {
            return current;
        }
        if (args[0] instanceof LuaFile f) {
            return f;
        }
        Arguments a = new Arguments(mode.equals("w") ? "output" : "input", args);
        LuaString name = a.checkString(0);
        Object[] opened = open(new Object[] {name, LuaString.of(mode)});
        if (opened[0] == null) {
            // An argument error naming the file, as LuaJIT's io.input and io.output raise it.
            throw a.bad(0, ((LuaString) opened[1]).toString());
        }
        return (LuaFile) opened[0];
    }

    private Object[] open(Object[] args) {
        Arguments a = new Arguments("open", args);
        String name = CFileName.of(a.checkString(0));
        String mode = a.optString(1, LuaString.of("r")).toLatin1();
        // Debian's LuaJIT hands the mode to glibc's fopen: its first letter must be r, w or a
        // (else EINVAL); of the next six, '+' opens for update and the others are flags or ignored.
        if (mode.isEmpty() || "rwa".indexOf(mode.charAt(0)) < 0) {
            return LibraryTable.results(null, LuaString.of(name + ": Invalid argument"), 22.0);
        }
        boolean plus = mode.substring(1, Math.min(mode.length(), 7)).indexOf('+') >= 0;
        if (name.isEmpty()) {
            return LibraryTable.results(null, LuaString.of(": No such file or directory"), 2.0);
        }
        Path path = Path.of(name);
        try {
            char kind = mode.charAt(0);
            if (kind == 'r' && !Files.exists(path)) {
                return LibraryTable.results(null, LuaString.of(name + ": No such file or directory"), 2.0);
            }
            boolean isReadOnly = kind == 'r' && !plus;
            if (Files.isDirectory(path)) {
                // fopen opens a directory for reading only; reading it fails later (LuaFile).
                return isReadOnly
                        ? LibraryTable.results(LuaFile.directory(fileMetatable))
                        : LibraryTable.results(null, LuaString.of(name + ": Is a directory"), 21.0);
            }
            RandomAccessFile raf = new RandomAccessFile(path.toFile(), isReadOnly ? "r" : "rw");
            if (kind == 'w') {
                raf.setLength(0);
            } else if (kind == 'a') {
                raf.seek(raf.length());
            }
            return LibraryTable.results(new LuaFile(fileMetatable, raf, !isReadOnly));
        } catch (FileNotFoundException e) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return LibraryTable.results(null, LuaString.of(name + ": No such file or directory"), 2.0);
            }
            return LibraryTable.results(null, LuaString.of(name + ": Permission denied"), 13.0);
        } catch (IOException e) {
            return LibraryTable.results(null, LuaString.of(name + ": " + e.getMessage()), 5.0);
        }
    }

    /** {@code io.popen(command [, mode])}: LuaJIT answers a mode other than "r" or "w" as popen's EINVAL. */
    private Object[] popen(Object[] args) {
        Arguments a = new Arguments("popen", args);
        String command = a.checkString(0).toString();
        String mode = a.optString(1, LuaString.of("r")).toLatin1();
        if (!mode.equals("r") && !mode.equals("w")) {
            return LibraryTable.results(null, LuaString.of(command + ": Invalid argument"), 22.0);
        }
        try {
            return LibraryTable.results(PipeFiles.open(runtime, fileMetatable, command, mode.equals("r")));
        } catch (IOException e) {
            return LibraryTable.results(null, LuaString.of(command + ": " + e.getMessage()), 5.0);
        }
    }

    /** {@code io.tmpfile()}: a new file open for update, removed from the file system at once (it lives while open). */
    private Object[] tmpfile() {
        try {
            Path path = Files.createTempFile("lua", null);
            RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw");
            Files.delete(path);
            return LibraryTable.results(new LuaFile(fileMetatable, raf, true));
        } catch (IOException e) {
            return LibraryTable.results(null, LuaString.of(e.getMessage()), 5.0);
        }
    }

    private Object[] close(LuaFile f) {
        if (f.isStandard()) {
            return LibraryTable.results(null, LuaString.of("cannot close standard file"));
        }
        io(f::close);
        return LibraryTable.results(Boolean.TRUE);
    }

    private Object[] write(LuaFile f, Object[] args, int first) {
        if (f.isClosed()) {
            throw new LuaError("attempt to use a closed file");
        }
        Arguments a = new Arguments("write", args);
        IOException failure = null;
        for (int i = first; i < args.length; i++) {
            // A string buffer is written as its contents, as LuaJIT's lj_strfmt_wstrnum takes it.
            byte[] bytes = (args[i] instanceof StringLike b ? b.contents() : a.checkString(i)).bytes();
            // After a failed write LuaJIT still checks the remaining arguments, writing none.
            if (failure == null) {
                try {
                    f.write(bytes);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        // LuaJIT returns true (Lua 5.1 returned the file), or C's nil, message, errno.
        return failure == null
                ? LibraryTable.results(Boolean.TRUE)
                : LibraryTable.results(null, LuaString.of(failure.getMessage()), FileError.errnoOf(failure));
    }

    private Object[] seek(Object[] args) {
        LuaFile f = checkFile("seek", args);
        Arguments a = new Arguments("seek", args);
        String whence = a.checkOption(1, "cur", "set", "cur", "end");
        long offset = (long) a.optNumber(2, 0);
        try {
            return LibraryTable.results((double) f.seek(whence, offset));
        } catch (IOException e) {
            return LibraryTable.results(null, LuaString.of(e.getMessage()), FileError.errnoOf(e));
        }
    }

    private Object[] read(LuaFile f, Object[] args, int first) {
        if (f.isClosed()) {
            throw new LuaError("attempt to use a closed file");
        }
        Arguments a = new Arguments("read", args);
        List<Object> results = new ArrayList<>();
        try {
            if (args.length <= first) {
                results.add(readLine(f, false));
            }
            for (int i = first; i < args.length; i++) {
                Object format = args[i];
                Object value;
                if (format instanceof Double n) {
                    value = readCount(f, (long) (double) n);
                } else {
                    String spec = a.checkString(i).toLatin1();
                    String s = spec.startsWith("*") ? spec.substring(1) : spec;
                    value = switch (s.isEmpty() ? ' ' : s.charAt(0)) {
                        case 'n' -> readNumber(f);
                        case 'l' -> readLine(f, false);
                        case 'L' -> readLine(f, true);
                        case 'a' -> readAll(f);
                        default -> throw a.bad(i, "invalid format");
                    };
                }
                results.add(value);
                if (value == null) {
                    break;
                }
            }
        } catch (IOException e) {
            return LibraryTable.results(null, LuaString.of(e.getMessage()), FileError.errnoOf(e));
        }
        return results.toArray();
    }

    private static LuaString readLine(LuaFile f, boolean keepNewline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = f.read()) != -1) {
            if (c == '\n') {
                if (keepNewline) {
                    line.write(c);
                }
                return LuaString.wrap(line.toByteArray());
            }
            line.write(c);
        }
        return line.size() == 0 ? null : LuaString.wrap(line.toByteArray());
    }

    private static LuaString readAll(LuaFile f) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int c;
        while ((c = f.read()) != -1) {
            all.write(c);
        }
        return LuaString.wrap(all.toByteArray());
    }

    private static LuaString readCount(LuaFile f, long n) throws IOException {
        if (n == 0) {
            return f.peek() == -1 ? null : LuaString.EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while (out.size() < n && (c = f.read()) != -1) {
            out.write(c);
        }
        return out.size() == 0 ? null : LuaString.wrap(out.toByteArray());
    }

    /**
     * {@code *n}: skips whitespace, then reads the longest prefix of a decimal or hexadecimal
     * number (sign, digits, point, exponent), as fscanf("%lf") does. Input that cannot start a
     * number stays unread, so {@code read("*n")} on "abc" leaves "abc" for the next read.
     */
    private static Double readNumber(LuaFile f) throws IOException {
        int c = f.peek();
        while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
            f.read();
            c = f.peek();
        }
        StringBuilder text = new StringBuilder();
        take(f, text, "+-");
        boolean hex = false;
        if (take(f, text, "0") && take(f, text, "xX")) {
            hex = true;
        }
        String digits = hex ? "0123456789abcdefABCDEF" : "0123456789";
        while (take(f, text, digits)) {
            // the integer part
        }
        if (take(f, text, ".")) {
            while (take(f, text, digits)) {
                // the fraction
            }
        }
        if (take(f, text, hex ? "pP" : "eE")) {
            take(f, text, "+-");
            while (take(f, text, "0123456789")) {
                // the exponent
            }
        }
        return NumberCoercion.parse(LuaString.of(text.toString()));
    }

    /** Reads the next byte into {@code text} if it is one of {@code accepted}. */
    private static boolean take(LuaFile f, StringBuilder text, String accepted) throws IOException {
        int c = f.peek();
        if (c == -1 || accepted.indexOf(c) < 0) {
            return false;
        }
        text.append((char) f.read());
        return true;
    }

    private Object[] lines(LuaFile f, boolean closeAtEnd) {
        return LibraryTable.results(new JavaFunction("lines_iterator", args -> {
            if (f.isClosed()) {
                throw new LuaError("file is already closed");
            }
            try {
                LuaString line = readLine(f, false);
                if (line == null && closeAtEnd) {
                    f.close();
                }
                return LibraryTable.results(line);
            } catch (IOException e) {
                throw new LuaError(e.getMessage());
            }
        }));
    }

    private Object[] ioLines(Object[] args) {
        if (args.length == 0 || args[0] == null) {
            return lines(defaultInput, false);
        }
        LuaString name = new Arguments("lines", args).checkString(0);
        Object[] opened = open(new Object[] {name, LuaString.of("r")});
        if (opened[0] == null) {
            // An argument error naming the file, as LuaJIT's io.lines raises it.
            throw new Arguments("lines", args).bad(0, ((LuaString) opened[1]).toString());
        }
        return lines((LuaFile) opened[0], true);
    }

}
