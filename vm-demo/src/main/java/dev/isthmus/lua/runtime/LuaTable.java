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
 * <p>A number value is always held unboxed: the slot holds {@link #NUMBER} and the number is in
 * the parallel {@code double} array of that part (made when the part first holds one), as the
 * interpreter's registers hold numbers. A store from a register or a compiled trace
 * ({@link #putNumber}) allocates nothing, a boxed {@link Double} stored is unboxed, and a read as
 * an object boxes the number without keeping the box: the compiled reads test a slot for
 * {@link #NUMBER} alone, and a box left in a slot sent them down their slow path for as long
 * as it stayed (scimark's LU at 4.2 ns an element instead of 1.9). The interpreter and traces read
 * numbers without boxing ({@link #getInto}, {@link #rawAtSlot}, {@link #rawGet}).
 */
public final class LuaTable {
    private static final Object[] NO_SLOTS = new Object[0];
    /** The content of a slot whose number is in the part's number array; never returned as a value. */
    public static final Object NUMBER = LuaFunction.UNBOXED_NUMBER;

    /** The array part: key {@code i} in slot {@code i - 1}; its length is the part's size. */
    private Object[] array = NO_SLOTS;
    private Object[] keys = NO_SLOTS;
    private Object[] values = NO_SLOTS;
    /** The numbers of the array part's {@link #NUMBER} slots, index for index; null until one is stored. */
    private double[] arrayNums;
    /**
     * How many of the array part's first slots all hold numbers ({@link #NUMBER}): a read or a
     * store of a number below it takes {@link #arrayNums} alone, without the slot's tag. A large
     * array of numbers is then one stream of memory, not two: nsieve-bit's sieve, 2.5 million
     * slots, missed the cache on the tag and on the number of each element it read.
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
        if (arraySize > 0) {
            array = new Object[arraySize];
        }
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
        Arrays.fill(array, null);
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
        if (index == key && index >= 1 && index <= array.length) {
            return arrayValue(index - 1);
        }
        return keys.length == 0 ? null : hashGet(normalise(key));
    }

    public Object get(int index) {
        if (index >= 1 && index <= array.length) {
            return arrayValue(index - 1);
        }
        return keys.length == 0 ? null : hashGet((double) index);
    }

    /**
     * Array slot {@code i}'s value, an unboxed number boxed. The box is not kept in the slot: a
     * number stays tagged {@link #NUMBER}, the only form compiled reads take their fast path for.
     */
    private Object arrayValue(int i) {
        Object v = array[i];
        return v == NUMBER ? (Object) arrayNums[i] : v;
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
        if (index == key && index >= 1 && index <= array.length) {
            if (inNumberRun(index)) {
                nums[i] = arrayNums[index - 1];
                return NUMBER;
            }
            Object v = array[index - 1];
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
        if (index == key && index >= 1 && index <= array.length) {
            return array[index - 1];
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
        return index >= 1 && index <= array.length ? array[index - 1] : rawGet((double) index);
    }

    /** {@link #numberAt(double)} at an integer key. */
    public double numberAt(int index) {
        return index >= 1 && index <= array.length ? arrayNums[index - 1] : numberAt((double) index);
    }

    /**
     * Whether {@code t[i]} is a number held unboxed in the array part: a trace's read of an
     * element at an integer index, which then takes it with {@link #arrayNumber}.
     */
    public boolean hasArrayNumber(int i) {
        if (inNumberRun(i)) {
            return true;
        }
        Object[] a = array;
        return i - 1 < a.length && i > 0 && a[i - 1] == NUMBER;
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
        if (i - 1 < array.length && i > 0) {
            setArrayNumber(i - 1, value);
            return true;
        }
        return false;
    }

    /** {@link #storeArrayNumber(int, double)} at a key that is a number not known to be an integer: false for any key not integral. */
    public boolean storeArrayNumber(double key, double value) {
        int i = (int) key;
        return i == key && storeArrayNumber(i, value);
    }

    /** The unboxed number of {@code t[key]}, where {@link #rawGet} has just returned {@link #NUMBER}. */
    public double numberAt(double key) {
        int index = (int) key;
        if (index == key && index >= 1 && index <= array.length) {
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
        if (index == key && index >= 1 && index <= array.length) {
            setArrayValue(index - 1, value);
            return;
        }
        hashPut(normalise(key), value);
    }

    public void put(int index, Object value) {
        if (index >= 1 && index <= array.length) {
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
            if (i < numberRun) {
                numberRun = i;
            }
            array[i] = value;
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
        Object[] a = array;
        int n = numberRun;
        int end = (int) Math.min(a.length, (long) n + limit);
        while (n < end && a[n] == NUMBER) {
            n++;
        }
        numberRun = n;
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
        double[] nums = arrayNums;
        (nums != null ? nums : newArrayNums())[i] = value;
        tagNumber(array, i);
        if (i == numberRun) {
            extendNumberRun(64);
        }
    }

    /** Mostly a number replacing a number: no reference store (and no card marked) then. */
    private static void tagNumber(Object[] slots, int i) {
        if (slots[i] != NUMBER) {
            slots[i] = NUMBER;
        }
    }

    private double[] newArrayNums() {
        return arrayNums = new double[array.length];
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
        array = NO_SLOTS;
        numberRun = 0;
        this.keys = NO_SLOTS;
        this.values = NO_SLOTS;
        arrayNums = null;
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
        sizing.countArray(array);
        int total = 0;
        for (int i = 0; i < keys.length; i++) {
            if (isLive(keys[i], values[i])) {
                sizing.count(keys[i]);
                total++;
            }
        }
        sizing.count(newKey);
        int arraySize = weakValues ? 0 : sizing.arraySize();
        int inArray = weakValues ? 0 : sizing.keysInArray();
        total += countLive(array) + 1;
        resize(arraySize, total - inArray);
    }

    private static int countLive(Object[] slots) {
        int n = 0;
        for (Object v : slots) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    /** Gives the array part {@code arraySize} slots and the hash part room for {@code hashKeys} keys, moving entries between them. */
    private void resize(int arraySize, int hashKeys) {
        Object[] oldArray = array;
        double[] oldArrayNums = arrayNums;
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        double[] oldValueNums = valueNums;
        numberRun = 0;
        if (arraySize != oldArray.length) {
            array = arraySize == 0 ? NO_SLOTS : Arrays.copyOf(oldArray, arraySize);
            arrayNums = oldArrayNums == null || arraySize == 0 ? null : Arrays.copyOf(oldArrayNums, arraySize);
        }
        int capacity = hashCapacityFor(hashKeys);
        keys = capacity == 0 ? NO_SLOTS : new Object[capacity];
        values = capacity == 0 ? NO_SLOTS : new Object[capacity];
        valueNums = null;
        hashUsed = 0;
        for (int i = arraySize; i < oldArray.length; i++) {
            if (oldArray[i] != null) {
                insertMoved((double) (i + 1), oldArray[i], oldArray[i] == NUMBER ? oldArrayNums[i] : 0);
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
                        array[index - 1] = value;
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
        int size = array.length;
        if (size > 0 && array[size - 1] == null) {
            // A border inside the array part, by binary search (ltable.c luaH_getn).
            int i = 0;
            int j = size;
            while (j - i > 1) {
                int m = (i + j) >>> 1;
                if (array[m - 1] == null) {
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
        return array.length;
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
            return array.length + hint + 1;
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
        if (index == key && index >= 1 && index <= array.length) {
            return index;
        }
        if (key == 0 && array.length > 0 && findSlot(0.0) < 0) {
            return 0;
        }
        return hashPositionOf(normalise(key)) + 1;
    }

    private int hashPositionOf(Object key) {
        int slot = findSlot(key);
        if (slot < 0) {
            throw new LuaError("invalid key to 'next'");
        }
        return array.length + slot;
    }

    /** The first position from {@code position} on that holds an entry, or -1 when there is none. */
    public int nextPosition(int position) {
        Object[] a = array;
        for (; position < a.length; position++) {
            if (a[position] != null) {
                return position;
            }
        }
        Object[] k = keys;
        Object[] v = values;
        boolean weak = weakKeys || weakValues;
        for (int slot = position - a.length; slot < k.length; slot++) {
            // A strong table's key objects are not read here: touching each would miss the cache.
            if (v[slot] != null && (!weak || isLive(k[slot], v[slot]))) {
                lastVisitedSlot = slot;
                return a.length + slot;
            }
        }
        return -1;
    }

    /** The key at a position {@link #nextPosition} returned; null if it was a weak key since collected. */
    public Object keyAt(int position) {
        if (position < array.length) {
            return (double) (position + 1);
        }
        Object key = keys[position - array.length];
        return weakKeys ? unwrap(key) : key;
    }

    /** The value at a position {@link #nextPosition} returned; null if it was a weak value since collected. */
    public Object valueAt(int position) {
        if (position < array.length) {
            return arrayValue(position);
        }
        return hashValue(position - array.length);
    }

    /** One key and value of a traversal. */
    public record Entry(Object key, Object value) {
    }
}
