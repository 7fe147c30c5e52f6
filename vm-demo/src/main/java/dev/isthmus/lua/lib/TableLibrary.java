package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;

import java.io.ByteArrayOutputStream;

/** Lua's table library (Lua 5.1 manual 5.5), as LuaJIT has it. */
public final class TableLibrary {
    private final LuaSemantics semantics;

    private TableLibrary(LuaRuntime runtime) {
        this.semantics = runtime.semantics();
    }

    public static LuaTable install(LuaRuntime runtime) {
        TableLibrary lib = new TableLibrary(runtime);
        LuaTable t = new LibraryTable()
                .add("concat", TableLibrary::concat)
                .add("insert", TableLibrary::insert)
                .add("remove", TableLibrary::remove)
                .add("sort", lib::sort)
                .add("maxn", TableLibrary::maxn)
                .add("getn", args -> LibraryTable.results((double) new Arguments("getn", args).checkTable(0).length()))
                .add("foreach", lib::foreach)
                .add("foreachi", lib::foreachi)
                .add("move", TableLibrary::move)
                .table();
        runtime.globals().put(LuaString.of("table"), t);
        // LuaJIT 2.1's extensions are modules: require "table.new" returns the function and
        // adds it to the table library.
        PackageLibrary.registerPreload(runtime, "table.new", () -> addTo(t, "new", TableLibrary::newTable));
        PackageLibrary.registerPreload(runtime, "table.clear", () -> addTo(t, "clear", args -> {
            new Arguments("clear", args).checkTable(0).clear();
            return LuaFunction.NONE;
        }));
        return t;
    }

    private static JavaFunction addTo(LuaTable table, String name, JavaFunction.Body body) {
        JavaFunction f = new JavaFunction(name, body);
        table.put(LuaString.of(name), f);
        return f;
    }

    /** Sizes beyond this are hints LuaJIT could not honour either; the table still grows on demand. */
    private static final int MAX_PREALLOCATED = 1 << 24;

    /** {@code table.new(narray, nhash)}: an empty table with room for that many elements and keys. */
    private static Object[] newTable(Object[] args) {
        Arguments a = new Arguments("new", args);
        int narray = Math.clamp(a.checkInt(0), 0, MAX_PREALLOCATED);
        int nhash = Math.clamp(a.checkInt(1), 0, MAX_PREALLOCATED);
        return LibraryTable.results(new LuaTable(narray, nhash));
    }

    private static Object[] concat(Object[] args) {
        Arguments a = new Arguments("concat", args);
        LuaTable t = a.checkTable(0);
        LuaString sep = a.optString(1, LuaString.EMPTY);
        int from = a.optInt(2, 1);
        int to = a.get(3) == null ? t.length() : a.checkInt(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i <= to; i++) {
            Object v = t.get(i);
            LuaString s = v instanceof LuaString str ? str : v instanceof Double d ? NumberCoercion.toLuaString(d) : null;
            if (s == null) {
                throw new LuaError("invalid value (" + LuaType.of(v).luaName() + ") at index " + i + " in table for 'concat'");
            }
            out.writeBytes(s.bytes());
            if (i < to) {
                out.writeBytes(sep.bytes());
            }
            if (i == Integer.MAX_VALUE) {
                break;
            }
        }
        return LibraryTable.results(LuaString.wrap(out.toByteArray()));
    }

    private static Object[] insert(Object[] args) {
        Arguments a = new Arguments("insert", args);
        LuaTable t = a.checkTable(0);
        int n = t.length();
        switch (args.length) {
            case 2 -> t.put(n + 1, args[1]);
            case 3 -> {
                int pos = a.checkInt(1);
                // LuaJIT, like 5.1, shifts up from pos even when pos is past the end.
                shiftUp(t, pos, n);
                t.put(pos, args[2]);
            }
            default -> throw new LuaError("wrong number of arguments to 'insert'");
        }
        return LuaFunction.NONE;
    }

    /**
     * {@code table.remove(t [, pos])} as LuaJIT 2.1's (a Lua function in lib_table.c): without
     * {@code pos} it takes the last element, if any; a {@code pos} outside {@code 1..#t} removes
     * nothing and returns no value. A fractional {@code pos} keeps LuaJIT's arithmetic: the
     * range check and the loop ({@code for i = pos + 1, #t do t[i - 1] = t[i] end}) run on
     * the number itself, while each table access truncates its index toward zero, as the
     * TGETR and TSETR instructions of LuaJIT's built-in bytecode do. So
     * {@code table.remove({1, 2, 3, 4}, 2.5)} returns 2 and leaves {@code {1, 3, 3}}.
     */
    private static Object[] remove(Object[] args) {
        Arguments a = new Arguments("remove", args);
        LuaTable t = a.checkTable(0);
        int n = t.length();
        double pos = a.get(1) == null ? n : a.checkNumber(1);
        if (!(pos >= 1 && pos <= n)) {
            return LuaFunction.NONE;
        }
        Object removed = t.get((int) pos);
        for (double i = pos + 1; i <= n; i++) {
            t.put((int) (i - 1), t.get((int) i));
        }
        t.put(n, null);
        return LibraryTable.results(removed);
    }

    /** Below this many positions {@link #shiftUp} moves each one; above, only the keys present. */
    private static final long SHIFT_EACH_LIMIT = 1 << 16;

    /**
     * {@code t[i + 1] = t[i]} for {@code i} from {@code n} down to {@code from}, as table.insert's
     * loop does. A {@code from} far below 1 (LuaJIT makes -2^31 of 2^31) would take billions of
     * steps that move nothing but nils, so then only the integer keys present in the range move:
     * each key goes up by one, and its old slot is cleared unless the key below moves into it.
     */
    private static void shiftUp(LuaTable t, int from, int n) {
        if ((long) n - from < SHIFT_EACH_LIMIT) {
            for (int i = n; i >= from; i--) {
                t.put(i + 1, t.get(i));
            }
            return;
        }
        java.util.TreeSet<Integer> present = new java.util.TreeSet<>();
        for (LuaTable.Entry e = t.next(null); e != null; e = t.next(e.key())) {
            if (e.key() instanceof Double d && d == Math.rint(d) && d >= from && d <= n) {
                present.add(d.intValue());
            }
        }
        for (int k : present.descendingSet()) {
            t.put(k + 1, t.get(k));
            if (!present.contains(k - 1)) {
                t.put(k, null);
            }
        }
    }

    /**
     * {@code table.foreach(t, f)}: calls {@code f(k, v)} for every pair until it returns a
     * non-nil value, which it returns (Lua 5.0's function, which LuaJIT keeps).
     */
    private Object[] foreach(Object[] args) {
        Arguments a = new Arguments("foreach", args);
        LuaTable t = a.checkTable(0);
        Object f = a.checkAny(1);
        for (LuaTable.Entry e = t.next(null); e != null; e = t.next(e.key())) {
            Object r = LuaSemantics.first(semantics.call(f, new Object[] {e.key(), e.value()}));
            if (r != null) {
                return LibraryTable.results(r);
            }
        }
        return LuaFunction.NONE;
    }

    /** {@code table.foreachi(t, f)}: as {@link #foreach} over the indices 1 to {@code #t}. */
    private Object[] foreachi(Object[] args) {
        Arguments a = new Arguments("foreachi", args);
        LuaTable t = a.checkTable(0);
        Object f = a.checkAny(1);
        int n = t.length();
        for (int i = 1; i <= n; i++) {
            Object r = LuaSemantics.first(semantics.call(f, new Object[] {(double) i, t.get(i)}));
            if (r != null) {
                return LibraryTable.results(r);
            }
        }
        return LuaFunction.NONE;
    }

    /**
     * {@code table.move(a1, f, e, t [, a2])}: copies {@code a1[f..e]} to {@code a2[t..]} and
     * returns {@code a2} (Lua 5.3's function, which LuaJIT 2.1 has). The copy runs downwards
     * when the ranges overlap with the target above the source, so every element is read before
     * it is overwritten. LuaJIT 2.1 reads and writes raw, without metamethods (Lua 5.3 uses
     * them); the bounds are truncated to integers as its other functions' are. LuaJIT's is a
     * Lua function of five parameters, so a missing argument is reported as nil, not "no value".
     */
    private static Object[] move(Object[] args) {
        Arguments a = new Arguments("move", java.util.Arrays.copyOf(args, Math.max(args.length, 5)));
        LuaTable source = a.checkTable(0);
        long from = a.checkInteger(1);
        long end = a.checkInteger(2);
        long to = a.checkInteger(3);
        LuaTable target = a.get(4) == null ? source : a.checkTable(4);
        if (end >= from) {
            long shift = to - from;
            if (to > end || to <= from || source != target) {
                for (long i = from; i <= end; i++) {
                    target.put((double) (i + shift), source.get((double) i));
                }
            } else {
                for (long i = end; i >= from; i--) {
                    target.put((double) (i + shift), source.get((double) i));
                }
            }
        }
        return LibraryTable.results(target);
    }

    private static Object[] maxn(Object[] args) {
        LuaTable t = new Arguments("maxn", args).checkTable(0);
        double max = 0;
        LuaTable.Entry e = t.next(null);
        while (e != null) {
            if (e.key() instanceof Double d && d > max) {
                max = d;
            }
            e = t.next(e.key());
        }
        return LibraryTable.results(max);
    }

    private Object[] sort(Object[] args) {
        Arguments a = new Arguments("sort", args);
        LuaTable t = a.checkTable(0);
        Object comparator = a.get(1);
        if (comparator != null && !(comparator instanceof LuaFunction)) {
            throw a.typeError(1, "function");
        }
        int n = t.length();
        Object[] items = new Object[n + 2];
        for (int i = 1; i <= n; i++) {
            items[i] = t.get(i);
        }
        try {
            new Sorter(items, (LuaFunction) comparator).sort(1, n);
        } finally {
            for (int i = 1; i <= n; i++) {
                t.put(i, items[i]);
            }
        }
        return LuaFunction.NONE;
    }

    /**
     * Lua 5.1's sort (ltablib.c {@code auxsort}): median-of-three quicksort recursing into
     * the smaller half, which detects an inconsistent comparator by running off the array
     * and reports it instead of looping. Kept step for step so comparators see the same
     * calls as in LuaJIT.
     */
    private final class Sorter {
        private final Object[] a;
        private final LuaFunction comparator;

        Sorter(Object[] a, LuaFunction comparator) {
            this.a = a;
            this.comparator = comparator;
        }

        private boolean less(Object x, Object y) {
            if (comparator != null) {
                return !LuaType.isFalsy(LuaSemantics.first(comparator.call(new Object[] {x, y})));
            }
            return semantics.lessThan(x, y);
        }

        private void swap(int i, int j) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        void sort(int lo, int up) {
            while (lo < up) {
                if (less(a[up], a[lo])) {
                    swap(lo, up);
                }
                if (up - lo == 1) {
                    break;
                }
                int i = (lo + up) / 2;
                if (less(a[i], a[lo])) {
                    swap(i, lo);
                } else if (less(a[up], a[i])) {
                    swap(i, up);
                }
                if (up - lo == 2) {
                    break;
                }
                Object pivot = a[i];
                swap(i, up - 1);
                i = lo;
                int j = up - 1;
                while (true) {
                    while (less(a[++i], pivot)) {
                        if (i > up) {
                            throw new LuaError("invalid order function for sorting");
                        }
                    }
                    while (less(pivot, a[--j])) {
                        if (j < lo) {
                            throw new LuaError("invalid order function for sorting");
                        }
                    }
                    if (j < i) {
                        break;
                    }
                    swap(i, j);
                }
                swap(up - 1, i);
                if (i - lo < up - i) {
                    j = lo;
                    i = i - 1;
                    lo = i + 2;
                } else {
                    j = i + 1;
                    i = up;
                    up = j - 2;
                }
                sort(j, i);
            }
        }
    }
}
