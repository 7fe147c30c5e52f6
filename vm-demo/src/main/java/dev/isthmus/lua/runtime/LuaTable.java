package dev.isthmus.lua.runtime;

import java.util.Arrays;

/**
 * A Lua table: an array part for the integer keys 1..n and an open-addressing hash part for
 * the rest, sized as LuaJIT sizes them (lj_tab.c, after Lua 5.1's ltable.c): when a new key
 * finds the hash part full, a rehash counts the integer keys present (the new one included),
 * chooses the array part's size from them ({@link ArrayPartSizing}) and moves keys between
 * the parts; so a table filled from 2, backwards, or in any order ends up in its array part,
 * and a sparse one stays hashed. An integer key in 1..n is never in the hash part.
 *
 * <p>Keys are normalised so that Lua's equal keys are one Java key: numbers are {@link Double}
 * with {@code -0.0} stored as {@code 0.0}. Assigning nil to a hash key keeps the key in its
 * slot with a nil value until the next rehash, and only a new key rehashes, which is what lets
 * {@code next} continue a traversal during which existing fields are assigned or cleared (Lua
 * 5.1 reference manual, {@code next}). Values are never Java {@code null} except as nil.
 *
 * <p>A number value is always held unboxed. In the hash part the slot holds {@link #NUMBER} and
 * the number is in the parallel {@code double} array of that part (made when the part first holds
 * one), as the interpreter's registers hold numbers. The array part keeps its numbers in a
 * {@code double} array, a byte array beside it saying which slots hold one, and its other values
 * in an {@code Object} array, each made when the part first holds such a value: a part of numbers
 * only takes 9 bytes a slot (euler14's cache of 30 million took 12, a reference tag and a number,
 * and its growth left as much again in old copies for the collector: 925 MB resident, a second of
 * the kernel clearing pages). The compiled reads and stores of numbers below {@link #numberRun}
 * take the number array alone; others check the byte, bounded by its array's length, as they
 * checked the tag. Tried: the mark in the number itself (NaN, or a
 * signalling NaN compared by its bits; 8 bytes a slot): each compiled read then tested the loaded
 * number, and a row update of scimark's LU (two reads and a store an element) took 1.2-1.8 ns an
 * element against 0.6-0.9 (its store was then over C2's 35 bytes too, not all of that was the
 * test); numbers XORed with such bits in a {@code long} array, so that a zeroed
 * slot holds none: scimark-fft 12% slower. A store from a register or a compiled trace
 * ({@link #putNumber}) allocates nothing, a boxed {@link Double} stored is unboxed, and a read as
 * an object boxes the number without keeping the box (a box left in a hash slot sent compiled
 * reads down their slow path for as long as it stayed: scimark's LU at 4.2 ns an element instead
 * of 1.9). The interpreter and traces read numbers without boxing ({@link #getInto},
 * {@link #rawAtSlot}, {@link #rawGet}).
 */
public final class LuaTable {
    private static final Object[] NO_SLOTS = new Object[0];
    private static final byte[] NO_TAGS = new byte[0];
    /** The content of a slot whose number is in the part's number array; never returned as a value. */
    public static final Object NUMBER = LuaFunction.UNBOXED_NUMBER;

    /** The array part's size: key {@code i} in slot {@code i - 1} of its arrays, each this long when made. */
    private int arraySize;
    /** The array part's values that are not numbers (nil as null); null while the part has held none. */
    private Object[] array;
    private Object[] keys = NO_SLOTS;
    private Object[] values = NO_SLOTS;
    /**
     * The array part's numbers, where {@link #arrayTags} says the slot holds one (its value is
     * {@link #array}'s otherwise); null while the part has held none.
     */
    private double[] arrayNums;
    /**
     * Non-zero where {@link #arrayNums} holds the slot's value; made with it, as long, and
     * empty while there is none: its length bounds the compiled reads and stores of numbers.
     */
    private byte[] arrayTags = NO_TAGS;
    /**
     * How many of the array part's first slots all hold numbers: a read or a store of a number
     * below it takes {@link #arrayNums} alone, without the slot's tag. A large array of numbers
     * is then one stream of memory, not two: nsieve-bit's sieve, 2.5 million slots, missed the
     * cache on the tag and on the number of each element it read.
     */
    private int numberRun;
    /** The numbers of the hash part's {@link #NUMBER} slots, slot for slot; null until one is stored. */
    private double[] valueNums;
    /** Hash slots holding a key, nil-valued (dead) keys included: what fills the hash part. */
    private int hashUsed;
    /** The hash slot {@link #nextPosition} returned last: where the next step's key usually is. */
    private int lastVisitedSlot;
    private LuaTable metatable;
    /** Set by {@code __mode}: keys and/or values that are collectable are held weakly. */
    private boolean weakKeys;
    private boolean weakValues;

    public LuaTable() {
    }

    /**
     * A table with {@code arraySize} array slots (all nil) and room for {@code hashCapacity}
     * keys: what a constructor with that many positional and keyed fields makes. The array
     * size matters beyond speed: {@code #} looks for its border there first, so
     * {@code #{1, 2, nil, 4}} is 4, as in Lua.
     */
    public LuaTable(int arraySize, int hashCapacity) {
        this.arraySize = Math.max(arraySize, 0);
        int capacity = hashCapacityFor(hashCapacity);
        if (capacity > 0) {
            keys = new Object[capacity];
            values = new Object[capacity];
        }
    }

    /**
     * Removes every entry and keeps the parts' sizes: LuaJIT's {@code table.clear}, for a
     * table reused as a buffer without reallocating.
     */
    public void clear() {
        numberRun = 0;
        if (array != null) {
            Arrays.fill(array, null);
        }
        if (arrayTags != NO_TAGS) {
            Arrays.fill(arrayTags, (byte) 0);
        }
        Arrays.fill(keys, null);
        Arrays.fill(values, null);
        hashUsed = 0;
    }

    public LuaTable metatable() {
        return metatable;
    }

    public void setMetatable(LuaTable metatable) {
        this.metatable = metatable;
    }

    /** {@code t[key]} without metamethods; nil is {@code null}. */
    public Object get(Object key) {
        if (key instanceof Double d) {
            return get(d.doubleValue());
        }
        if (key == null) {
            return null;
        }
        return hashGet(key);
    }

    public Object get(double key) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= arraySize) {
            return arrayValue(index - 1);
        }
        return keys.length == 0 ? null : hashGet(normalise(key));
    }

    public Object get(int index) {
        if (index >= 1 && index <= arraySize) {
            return arrayValue(index - 1);
        }
        return keys.length == 0 ? null : hashGet((double) index);
    }

    /**
     * Array slot {@code i}'s value, an unboxed number boxed. The box is not kept in the slot: a
     * number stays tagged {@link #NUMBER}, the only form compiled reads take their fast path for.
     */
    private Object arrayValue(int i) {
        Object v = arrayContent(i);
        return v == NUMBER ? (Object) arrayNums[i] : v;
    }

    /** Array slot {@code i}'s content: {@link #NUMBER} for a number, else its value (nil as null). */
    private Object arrayContent(int i) {
        byte[] t = arrayTags;
        if (i < t.length && t[i] != 0) {
            return NUMBER;
        }
        Object[] a = array;
        return a == null ? null : a[i];
    }

    /** Whether array slot {@code i} is not nil. */
    private boolean arrayHolds(int i) {
        return arrayContent(i) != null;
    }

    /** Hash slot {@code slot}'s value, an unboxed number boxed (and not kept), a weak value unwrapped. */
    private Object hashValue(int slot) {
        Object v = values[slot];
        return v == NUMBER ? (Object) valueNums[slot] : unwrap(v);
    }

    /**
     * {@code t[key]} without metamethods, for a register: a number stored unboxed is written to
     * {@code nums[i]} and returned as {@link #NUMBER}, the register's tag for it; nil is null.
     */
    public Object getInto(Object key, double[] nums, int i) {
        if (key instanceof Double d) {
            return getInto(d.doubleValue(), nums, i);
        }
        if (key == null) {
            return null;
        }
        int slot = findSlot(key);
        return slot < 0 ? null : hashValueInto(slot, nums, i);
    }

    /** {@link #getInto(Object, double[], int)} for a number key. */
    public Object getInto(double key, double[] nums, int i) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= arraySize) {
            Object v = inNumberRun(index) ? NUMBER : arrayContent(index - 1);
            if (v == NUMBER) {
                nums[i] = arrayNums[index - 1];
            }
            return v;
        }
        if (keys.length == 0) {
            return null;
        }
        int slot = findSlot(normalise(key));
        return slot < 0 ? null : hashValueInto(slot, nums, i);
    }

    private Object hashValueInto(int slot, double[] nums, int i) {
        Object v = values[slot];
        if (v == NUMBER) {
            nums[i] = valueNums[slot];
            return v;
        }
        return unwrap(v);
    }

    /**
     * {@code t[key]} without metamethods and without boxing, for compiled code: {@link #NUMBER}
     * when the value is a number stored unboxed ({@link #numberAt} reads it), null for nil.
     */
    public Object rawGet(double key) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= arraySize) {
            return arrayContent(index - 1);
        }
        if (keys.length == 0) {
            return null;
        }
        int slot = findSlot(normalise(key));
        return slot < 0 ? null : unwrap(values[slot]);
    }

    /** {@link #rawGet(double)} at an integer key: an array slot's content, the tag {@link #NUMBER} for a number. */
    public Object rawGet(int index) {
        if (inNumberRun(index)) {
            return NUMBER;
        }
        return index >= 1 && index <= arraySize ? arrayContent(index - 1) : rawGet((double) index);
    }

    /** {@link #numberAt(double)} at an integer key. */
    public double numberAt(int index) {
        return index >= 1 && index <= arraySize ? arrayNums[index - 1] : numberAt((double) index);
    }

    /**
     * Whether {@code t[i]} is a number held unboxed in the array part: a trace's read of an
     * element at an integer index, which then takes it with {@link #arrayNumber}.
     */
    public boolean hasArrayNumber(int i) {
        if (inNumberRun(i)) {
            return true;
        }
        byte[] t = arrayTags;
        return i - 1 < t.length && i > 0 && t[i - 1] != 0;
    }

    /** The unboxed number at index {@code i} of the array part, where {@link #hasArrayNumber} holds. */
    public double arrayNumber(int i) {
        return arrayNums[i - 1];
    }

    /**
     * {@link #hasArrayNumber(int)} for a key that is a number not known to be an integer (a
     * trace's read at a computed key): true only for an integral key in the array part. NaN, -0
     * and keys beyond the int range are not ({@code (int)} of them differs or is 0).
     */
    public boolean hasArrayNumber(double key) {
        int i = (int) key;
        return i == key && hasArrayNumber(i);
    }

    /** The unboxed number at key {@code key} of the array part, where {@link #hasArrayNumber(double)} holds. */
    public double arrayNumber(double key) {
        return arrayNums[(int) key - 1];
    }

    /**
     * {@code t[i] = value} when index {@code i} is in the array part, the number held unboxed;
     * false, and nothing stored, otherwise.
     */
    public boolean storeArrayNumber(int i, double value) {
        if (inNumberRun(i)) {
            arrayNums[i - 1] = value;
            return true;
        }
        // Bounded by the tags' length, which then needs no other check.
        if (i - 1 < arrayTags.length && i > 0) {
            setTaggedNumber(i - 1, value);
            return true;
        }
        return storeFirstArrayNumber(i, value);
    }

    /** {@link #storeArrayNumber(int, double)} in a part without a number array yet, or out of it. */
    private boolean storeFirstArrayNumber(int i, double value) {
        if (i - 1 < arraySize && i > 0) {
            setArrayNumber(i - 1, value);
            return true;
        }
        return false;
    }

    /** Array slot {@code i}, in a part with a number array, set to the number {@code value}. */
    private void setTaggedNumber(int i, double value) {
        arrayNums[i] = value;
        if (arrayTags[i] == 0 || i == numberRun) {
            tagNumberAt(i);
        }
    }

    /** Whether index {@code i} (from 1) is in the array part's leading run of numbers, {@link #numberRun}. */
    private boolean inNumberRun(int i) {
        return Integer.compareUnsigned(i - 1, numberRun) < 0;
    }

    /**
     * {@link #numberRun} extended over the numbers that follow it, at most {@code limit} slots:
     * a store that fills the slot just past the run scans a few more (a table filled backwards
     * gets its whole run at its next resize), so that a table emptied and refilled at its first
     * slot again and again costs no scan of its whole array part each time.
     */
    private void extendNumberRun(int limit) {
        byte[] t = arrayTags;
        int n = numberRun;
        int end = (int) Math.min(t.length, (long) n + limit);
        while (n < end && t[n] != 0) {
            n++;
        }
        numberRun = n;
    }

    /** {@link #storeArrayNumber(int, double)} at a key that is a number not known to be an integer: false for any key not integral. */
    public boolean storeArrayNumber(double key, double value) {
        int i = (int) key;
        return i == key && storeArrayNumber(i, value);
    }

    /** The unboxed number of {@code t[key]}, where {@link #rawGet} has just returned {@link #NUMBER}. */
    public double numberAt(double key) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= arraySize) {
            return arrayNums[index - 1];
        }
        return valueNums[findSlot(normalise(key))];
    }

    /** {@code t[key] = value} without metamethods; the caller has rejected nil and NaN keys. */
    public void put(Object key, Object value) {
        if (key instanceof Double d) {
            put(d.doubleValue(), value);
        } else {
            hashPut(key, value);
        }
    }

    public void put(double key, Object value) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= arraySize) {
            setArrayValue(index - 1, value);
            return;
        }
        hashPut(normalise(key), value);
    }

    public void put(int index, Object value) {
        if (index >= 1 && index <= arraySize) {
            setArrayValue(index - 1, value);
            return;
        }
        hashPut((double) index, value);
    }

    /**
     * Array slot {@code i} set to {@code value}, a boxed number stored unboxed: compiled reads
     * take their fast path only for a slot tagged {@link #NUMBER}, and a box stored by a generic
     * path (a constant, an upvalue's value) would send them down the slow one for good.
     */
    private void setArrayValue(int i, Object value) {
        if (value instanceof Double d) {
            setArrayNumber(i, d);
        } else {
            setArrayObject(i, value);
        }
    }

    /** Array slot {@code i} set to {@code value}, no number (nil as null). */
    private void setArrayObject(int i, Object value) {
        if (i < numberRun) {
            numberRun = i;
        }
        byte[] t = arrayTags;
        if (i < t.length) {
            t[i] = 0;
        }
        Object[] a = array;
        if (a == null) {
            if (value == null) {
                return;
            }
            a = array = new Object[arraySize];
        }
        a[i] = value;
    }

    /** {@code t[key] = value} without metamethods for a number value, stored unboxed; the caller has rejected nil and NaN keys. */
    public void putNumber(Object key, double value) {
        if (key instanceof Double d) {
            putNumber(d.doubleValue(), value);
        } else {
            hashPutNumber(key, value);
        }
    }

    public void putNumber(double key, double value) {
        int index = (int) key;
        if (index != key || !storeArrayNumber(index, value)) {
            hashPutNumber(normalise(key), value);
        }
    }

    private void setArrayNumber(int i, double value) {
        double[] n = arrayNums;
        (n != null ? n : newArrayNums())[i] = value;
        tagNumberAt(i);
    }

    /** Array slot {@code i} tagged as holding its number: mostly one already (no store then), its object cleared. */
    private void tagNumberAt(int i) {
        byte[] t = arrayTags;
        if (t[i] == 0) {
            t[i] = 1;
            clearObjectAt(i);
        }
        if (i == numberRun) {
            extendNumberRun(64);
        }
    }

    /** No value but a number at array slot {@code i}: the object array's slot cleared when it holds one. */
    private void clearObjectAt(int i) {
        Object[] a = array;
        if (a != null && a[i] != null) {
            a[i] = null;
        }
    }

    /** Mostly a number replacing a number: no reference store (and no card marked) then. */
    private static void tagNumber(Object[] slots, int i) {
        if (slots[i] != NUMBER) {
            slots[i] = NUMBER;
        }
    }

    private double[] newArrayNums() {
        arrayTags = new byte[arraySize];
        return arrayNums = new double[arraySize];
    }

    private void hashPutNumber(Object key, double value) {
        int slot = findSlot(key);
        if (slot < 0) {
            if (hashUsed >= keys.length / 2) {
                rehash(key);
                putNumber(key, value);
                return;
            }
            slot = insert(weakKeys && isCollectable(key) ? new WeakSlot(key) : key, NUMBER);
        }
        setHashNumber(slot, value);
    }

    private void setHashNumber(int slot, double value) {
        double[] nums = valueNums;
        (nums != null ? nums : newValueNums())[slot] = value;
        tagNumber(values, slot);
    }

    private double[] newValueNums() {
        return valueNums = new double[values.length];
    }

    private static Object normalise(double key) {
        return key == 0 ? (Double) 0.0 : (Double) key;
    }

    /** The hash slot holding {@code key} now, or -1: where a trace reads and writes a constant key. */
    public int slotOf(Object key) {
        return findSlot(key);
    }

    /**
     * The key object at hash slot {@code slot} (a trace compares it by identity first: the
     * tables a loop reads were usually built with the same key strings).
     */
    public Object slotKey(int slot) {
        return unwrap(keys[slot]);
    }

    /** Whether values are held weakly ({@code __mode} 'v'): a store may then wrap the value. */
    public boolean hasWeakValues() {
        return weakValues;
    }

    /**
     * Whether hash slot {@code slot} holds {@code key} (as {@link #findSlot} compares keys).
     * The methods compiled traces call on a table are kept within C2's 35 bytes for inlining a
     * call it has little profile for (a tree compiled on stack): the identity test here, the
     * comparison of a string made at run time in a method of its own.
     */
    private boolean holdsAt(int slot, LuaString key) {
        Object[] k = keys;
        return slot < k.length && (k[slot] == key || holdsEqual(k[slot], key));
    }

    private static boolean holdsEqual(Object present, LuaString key) {
        return present != null && present.equals(key);
    }

    /** The value of {@code key} when it is at hash slot {@code slot}, else {@link #NOT_AT_SLOT}. */
    public Object getAtSlot(int slot, LuaString key) {
        return holdsAt(slot, key) ? hashValue(slot) : NOT_AT_SLOT;
    }

    /**
     * What hash slot {@code slot} holds when it holds {@code key}, without boxing: a value, or
     * {@link #NUMBER} for a number stored unboxed ({@link #numberAtSlot}); else {@link #NOT_AT_SLOT}.
     */
    public Object rawAtSlot(int slot, LuaString key) {
        return holdsAt(slot, key) ? values[slot] : NOT_AT_SLOT;
    }

    /** The unboxed number at hash slot {@code slot}, where {@link #rawAtSlot} has just returned {@link #NUMBER}. */
    public double numberAtSlot(int slot) {
        return valueNums[slot];
    }

    /** Stores the number {@code value} unboxed for {@code key} when it is at hash slot {@code slot}; false otherwise. */
    public boolean setNumberAtSlot(int slot, LuaString key, double value) {
        if (!holdsAt(slot, key)) {
            return false;
        }
        setHashNumber(slot, value);
        return true;
    }

    /** Stores {@code value} for {@code key} when it is at hash slot {@code slot} and values are not weak; false otherwise. */
    public boolean setAtSlot(int slot, LuaString key, Object value) {
        if (!holdsAt(slot, key) || weakValues) {
            return false;
        }
        if (value instanceof Double d) {
            setHashNumber(slot, d);
        } else {
            values[slot] = value;
        }
        return true;
    }

    /**
     * Whether {@code t[key]} is nil, without metamethods, for a string key whose
     * {@link #spreadHashOf} is {@code spread}: a trace's guard that an object lacks the method
     * its metatable gives it ({@code obj:m()} with {@code m} in {@code __index}). The key's slot
     * found empty answers at once, with the hash the trace computed when it was compiled; kept
     * under C2's 35 bytes for inlining a call it has little profile for. An occupied slot takes
     * the probe on from there ({@link #findSlot(Object, int)}).
     */
    public boolean lacks(LuaString key, int spread) {
        Object[] k = keys;
        int slot = spread & (k.length - 1);
        return k.length == 0 || k[slot] == null || lacksPast(key, spread);
    }

    private boolean lacksPast(LuaString key, int spread) {
        int slot = findSlot(key, spread);
        return slot < 0 || unwrap(values[slot]) == null;
    }

    /** The hash a key's probe starts from, before the hash part's size masks it: what {@link #lacks} takes. */
    public static int spreadHashOf(Object key) {
        return spread(key.hashCode());
    }

    /** What {@link #getAtSlot} returns when the key is not at the slot. */
    public static final Object NOT_AT_SLOT = new Object();

    private Object hashGet(Object key) {
        int slot = findSlot(key);
        return slot < 0 ? null : hashValue(slot);
    }

    /**
     * Makes the table weak as {@code __mode} asks ('k' keys, 'v' values; Lua 5.1 2.10.2).
     * Collectable keys and values (tables, functions, coroutines, userdata and cdata) are
     * then held by weak references, and an entry whose key or value was collected reads
     * as absent. Strings, numbers and booleans are values, never collected.
     */
    public void setWeakMode(boolean keys, boolean values) {
        if (keys == weakKeys && values == weakValues) {
            return;
        }
        // Re-insert every entry, wrapped (or unwrapped) for the new mode; the array part is
        // given up for weak values, which it cannot hold.
        java.util.List<Entry> entries = new java.util.ArrayList<>();
        for (Entry e = next(null); e != null; e = next(e.key())) {
            entries.add(e);
        }
        weakKeys = keys;
        weakValues = values;
        arraySize = 0;
        numberRun = 0;
        array = null;
        this.keys = NO_SLOTS;
        this.values = NO_SLOTS;
        arrayNums = null;
        arrayTags = NO_TAGS;
        valueNums = null;
        hashUsed = 0;
        for (Entry e : entries) {
            put(e.key(), e.value());
        }
    }

    private static boolean isCollectable(Object v) {
        return v instanceof LuaTable || v instanceof LuaFunction || v instanceof Coroutine || v instanceof LuaObject;
    }

    private static Object unwrap(Object stored) {
        return stored instanceof WeakSlot w ? w.get() : stored;
    }

    /** A weakly held key or value; as a key it hashes and compares as its referent does (by identity). */
    private static final class WeakSlot extends java.lang.ref.WeakReference<Object> {
        private final int hash;

        WeakSlot(Object referent) {
            super(referent);
            this.hash = referent.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            Object referent = get();
            return other == this || referent != null && (other == referent || other instanceof WeakSlot w && w.get() == referent);
        }
    }

    /** The slot holding {@code key}, or -1. */
    private int findSlot(Object key) {
        return keys.length == 0 ? -1 : findSlot(key, spread(key.hashCode()));
    }

    /** {@link #findSlot(Object)} in a hash part that has slots, for a key whose {@link #spread} hash is {@code spread}. */
    private int findSlot(Object key, int spread) {
        Object[] k = keys;
        int mask = k.length - 1;
        int slot = spread & mask;
        while (true) {
            Object present = k[slot];
            if (present == null) {
                return -1;
            }
            // Numbers, strings and booleans are equal by value; everything else, cdata
            // included, is the same key only as the same object (raw equality, as in LuaJIT,
            // where two 1LL literals are two keys), whatever its Java equals says.
            if (present == key || (present instanceof WeakSlot || !(key instanceof LuaObject)) && present.equals(key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void hashPut(Object key, Object value) {
        if (value instanceof Double d) {
            hashPutNumber(key, d);
            return;
        }
        Object stored = weakValues && isCollectable(value) ? new WeakSlot(value) : value;
        int slot = findSlot(key);
        if (slot >= 0) {
            values[slot] = stored;
            return;
        }
        if (value == null) {
            return;
        }
        if (hashUsed >= keys.length / 2) {
            // Full: the parts are resized for the keys present and this one, which may now
            // belong to the array part; the hash part then has room for it if it does not.
            rehash(key);
            put(key, value);
            return;
        }
        insert(weakKeys && isCollectable(key) ? new WeakSlot(key) : key, stored);
    }

    /** Stores a key known to be absent in a free slot of a hash part with room for it; returns the slot. */
    private int insert(Object key, Object value) {
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        hashUsed++;
        return slot;
    }

    /** Inserts an entry a resize moves: {@code value} may be {@link #NUMBER}, its number {@code number}. */
    private void insertMoved(Object key, Object value, double number) {
        int slot = insert(key, value);
        if (value == NUMBER) {
            setHashNumber(slot, number);
        }
    }

    /**
     * Resizes both parts for the live entries and {@code newKey} (ltable.c's {@code rehash}): the
     * array part as {@link ArrayPartSizing} decides (none for weak values, which it cannot hold
     * weakly), the hash part for the keys left over; nil-valued keys are dropped.
     */
    private void rehash(Object newKey) {
        ArrayPartSizing sizing = new ArrayPartSizing();
        int total = 0;
        for (int i = 0; i < arraySize; i++) {
            if (arrayHolds(i)) {
                sizing.countIndex(i + 1);
                total++;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (isLive(keys[i], values[i])) {
                sizing.count(keys[i]);
                total++;
            }
        }
        sizing.count(newKey);
        int arraySize = weakValues ? 0 : sizing.arraySize();
        int inArray = weakValues ? 0 : sizing.keysInArray();
        resize(arraySize, total + 1 - inArray);
    }

    /** Gives the array part {@code arraySize} slots and the hash part room for {@code hashKeys} keys, moving entries between them. */
    private void resize(int arraySize, int hashKeys) {
        int oldSize = this.arraySize;
        Object[] oldArray = array;
        double[] oldArrayNums = arrayNums;
        byte[] oldArrayTags = arrayTags;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        double[] oldValueNums = valueNums;
        numberRun = 0;
        if (arraySize != oldSize) {
            this.arraySize = arraySize;
            array = oldArray == null || arraySize == 0 ? null : Arrays.copyOf(oldArray, arraySize);
            arrayNums = oldArrayNums == null || arraySize == 0 ? null : Arrays.copyOf(oldArrayNums, arraySize);
            arrayTags = oldArrayNums == null || arraySize == 0 ? NO_TAGS : Arrays.copyOf(oldArrayTags, arraySize);
        }
        int capacity = hashCapacityFor(hashKeys);
        keys = capacity == 0 ? NO_SLOTS : new Object[capacity];
        values = capacity == 0 ? NO_SLOTS : new Object[capacity];
        valueNums = null;
        hashUsed = 0;
        for (int i = arraySize; i < oldSize; i++) {
            if (i < oldArrayTags.length && oldArrayTags[i] != 0) {
                insertMoved((double) (i + 1), NUMBER, oldArrayNums[i]);
            } else if (oldArray != null && oldArray[i] != null) {
                insertMoved((double) (i + 1), oldArray[i], 0);
            }
        }
        for (int i = 0; i < oldKeys.length; i++) {
            Object key = oldKeys[i];
            Object value = oldValues[i];
            if (isLive(key, value)) {
                int index = key instanceof Double d ? arrayIndexOf(d) : 0;
                double number = value == NUMBER ? oldValueNums[i] : 0;
                if (index >= 1 && index <= arraySize) {
                    if (value == NUMBER) {
                        setArrayNumber(index - 1, number);
                    } else {
                        setArrayObject(index - 1, value);
                    }
                } else {
                    insertMoved(key, value, number);
                }
            }
        }
        numberRun = 0;
        extendNumberRun(Integer.MAX_VALUE);
    }

    /** {@code key} as an index 1..n when it is an integer in int range, else 0. */
    private static int arrayIndexOf(double key) {
        int index = (int) key;
        return index == key && index >= 1 ? index : 0;
    }

    /**
     * The hash part's slots for {@code keys} keys. The part counts as full at half its slots,
     * which are LuaJIT's node count for that many keys (lj_tab.h's {@code hsize2hbits}: a power
     * of two, at least 2): a table then rehashes, and so moves keys to its array part, when
     * LuaJIT's would. The other half keeps the linear probes short.
     */
    private static int hashCapacityFor(int keys) {
        if (keys <= 0) {
            return 0;
        }
        int nodes = keys <= 2 ? 2 : Integer.highestOneBit(keys - 1) << 1;
        return nodes * 2;
    }

    /** An entry whose value is not nil and whose weak key or value was not collected. */
    private static boolean isLive(Object key, Object value) {
        return key != null && value != null && unwrap(key) != null && unwrap(value) != null;
    }

    /**
     * Mixes every bit of a hash code into the low bits the slot is taken from (MurmurHash3's
     * finalizer). A number key's hash is its double's high word, whose low bits are zero for
     * small integers: with a weaker mix, integer keys in the hash part (a table filled from 2,
     * as LuaJIT's nsieve does) clustered into probe chains thousands of slots long.
     */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /**
     * The length operator's border: n such that t[n] is not nil and t[n+1] is nil (Lua 5.1
     * 2.5.5); with holes, any border, found as Lua's own table does: the array part first.
     */
    public int length() {
        int size = arraySize;
        if (size > 0 && !arrayHolds(size - 1)) {
            // A border inside the array part, by binary search (ltable.c luaH_getn).
            int i = 0;
            int j = size;
            while (j - i > 1) {
                int m = (i + j) >>> 1;
                if (!arrayHolds(m - 1)) {
                    j = m;
                } else {
                    i = m;
                }
            }
            return i;
        }
        if (hashUsed == 0 || hashGet((double) (size + 1)) == null) {
            return size;
        }
        // Unbounded search in the hash part: double until a nil, then binary search.
        long i = size + 1L;
        long j = i * 2;
        while (get((double) j) != null) {
            i = j;
            if (j > Integer.MAX_VALUE / 2) {
                int n = 1;
                while (get(n) != null) {
                    n++;
                }
                return n - 1;
            }
            j *= 2;
        }
        while (j - i > 1) {
            long m = (i + j) >>> 1;
            if (get((double) m) == null) {
                j = m;
            } else {
                i = m;
            }
        }
        return (int) i;
    }

    /**
     * How many slots the array part has: the keys 1..n stored there (some possibly nil), which
     * {@link #next} visits before the hash part. LuaJIT's serializer writes a table's array
     * part as such, so its encoding needs to know where that part ends.
     */
    public int arrayPartSize() {
        return arraySize;
    }

    /** How many entries the hash part holds (keys that are not in the array part). */
    public int hashPartUsed() {
        return hashUsed;
    }

    /*
     * Traversal. A position numbers the slots in traversal order: 0..n-1 are the array part's
     * keys 1..n, n + i is hash slot i. Iterating by position needs no lookup of the previous
     * key and allocates nothing; next(key) is the same walk started from a key.
     */

    /** The entry after {@code key} in traversal order ({@code next}); {@code null} at the end. */
    public Entry next(Object key) {
        for (int position = nextPosition(positionAfter(key)); position >= 0; position = nextPosition(position + 1)) {
            Object k = keyAt(position);
            Object v = valueAt(position);
            // A weak entry collected since nextPosition saw it is skipped, as it would have been.
            if (k != null && v != null) {
                return new Entry(k, v);
            }
        }
        return null;
    }

    /**
     * Where the traversal continues after {@code key}: 0 for nil (the start), else the position
     * after the key's; a key not in the table is Lua's error "invalid key to 'next'".
     */
    public int positionAfter(Object key) {
        if (key == null) {
            return 0;
        }
        // A traversal passes back the key it was just given: the same object, in the slot
        // nextPosition last returned, found without hashing it or even reading it.
        int hint = lastVisitedSlot;
        if (hint < keys.length && keys[hint] == key) {
            return arraySize + hint + 1;
        }
        if (key instanceof Double d) {
            return positionAfter(d.doubleValue());
        }
        return hashPositionOf(key) + 1;
    }

    /**
     * {@link #positionAfter(Object)} for a number key. LuaJIT's array part has a slot for key
     * 0 before key 1 (lj_tab.h), so 0 (or -0) is a key {@code next} accepts whenever the
     * array part exists, nil or not: the traversal goes on at 1. (A 0 that is set lives in
     * the hash part here, so it is found there.)
     */
    public int positionAfter(double key) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= arraySize) {
            return index;
        }
        if (key == 0 && arraySize > 0 && findSlot(0.0) < 0) {
            return 0;
        }
        return hashPositionOf(normalise(key)) + 1;
    }

    private int hashPositionOf(Object key) {
        int slot = findSlot(key);
        if (slot < 0) {
            throw new LuaError("invalid key to 'next'");
        }
        return arraySize + slot;
    }

    /** The first position from {@code position} on that holds an entry, or -1 when there is none. */
    public int nextPosition(int position) {
        int size = arraySize;
        for (; position < size; position++) {
            if (arrayHolds(position)) {
                return position;
            }
        }
        Object[] k = keys;
        Object[] v = values;
        boolean weak = weakKeys || weakValues;
        for (int slot = position - size; slot < k.length; slot++) {
            // A strong table's key objects are not read here: touching each would miss the cache.
            if (v[slot] != null && (!weak || isLive(k[slot], v[slot]))) {
                lastVisitedSlot = slot;
                return size + slot;
            }
        }
        return -1;
    }

    /** The key at a position {@link #nextPosition} returned; null if it was a weak key since collected. */
    public Object keyAt(int position) {
        if (position < arraySize) {
            return (double) (position + 1);
        }
        Object key = keys[position - arraySize];
        return weakKeys ? unwrap(key) : key;
    }

    /** The value at a position {@link #nextPosition} returned; null if it was a weak value since collected. */
    public Object valueAt(int position) {
        if (position < arraySize) {
            return arrayValue(position);
        }
        return hashValue(position - arraySize);
    }

    /** One key and value of a traversal. */
    public record Entry(Object key, Object value) {
    }
}
