package dev.isthmus.lua.runtime;

import java.util.Arrays;

/**
 * A Lua table: an array part for the keys 1..n and an open-addressing hash part for the rest.
 *
 * <p>Keys are normalised so that Lua's equal keys are one Java key: numbers are {@link Double}
 * with {@code -0.0} stored as {@code 0.0}. Assigning nil to a hash key keeps the key in its
 * slot with a nil value until the next rehash, which is what lets {@code next} continue a
 * traversal during which fields are cleared (Lua 5.1 reference manual, {@code next}).
 * Values are never Java {@code null} except as nil.
 */
public final class LuaTable {
    private static final Object[] NO_SLOTS = new Object[0];

    private Object[] array = NO_SLOTS;
    private int arrayCount;
    private Object[] keys = NO_SLOTS;
    private Object[] values = NO_SLOTS;
    private int hashUsed;
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
            arrayCount = arraySize;
        }
        if (hashCapacity > 0) {
            int capacity = Integer.highestOneBit(Math.max(4, hashCapacity * 2 - 1)) << 1;
            keys = new Object[capacity];
            values = new Object[capacity];
        }
    }

    /**
     * Removes every entry and keeps the parts' sizes: LuaJIT's {@code table.clear}, for a
     * table reused as a buffer without reallocating.
     */
    public void clear() {
        Arrays.fill(array, 0, arrayCount, null);
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
        if (index == key && index >= 1 && index <= arrayCount) {
            return array[index - 1];
        }
        return keys.length == 0 ? null : hashGet(normalise(key));
    }

    public Object get(int index) {
        if (index >= 1 && index <= arrayCount) {
            return array[index - 1];
        }
        return keys.length == 0 ? null : hashGet((double) index);
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
        if (index == key && index >= 1) {
            if (index <= arrayCount) {
                array[index - 1] = value;
                return;
            }
            if (index == arrayCount + 1 && value != null && !weakValues) {
                append(value);
                return;
            }
        }
        hashPut(normalise(key), value);
    }

    public void put(int index, Object value) {
        put((double) index, value);
    }

    private void append(Object value) {
        if (arrayCount == array.length) {
            array = Arrays.copyOf(array, Math.max(4, arrayCount * 2));
        }
        array[arrayCount++] = value;
        if (hashUsed > 0) {
            migrateFromHash();
        }
    }

    /** Moves keys n+1, n+2, ... that sit in the hash part into the array part after an append. */
    private void migrateFromHash() {
        while (true) {
            Double next = (double) (arrayCount + 1);
            int slot = findSlot(next);
            if (slot < 0 || values[slot] == null) {
                return;
            }
            Object value = values[slot];
            values[slot] = null;
            if (arrayCount == array.length) {
                array = Arrays.copyOf(array, arrayCount * 2);
            }
            array[arrayCount++] = value;
        }
    }

    private static Object normalise(double key) {
        return key == 0 ? (Double) 0.0 : (Double) key;
    }

    private Object hashGet(Object key) {
        int slot = findSlot(key);
        return slot < 0 ? null : unwrap(values[slot]);
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
        arrayCount = 0;
        this.keys = NO_SLOTS;
        this.values = NO_SLOTS;
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
        Object[] k = keys;
        if (k.length == 0) {
            return -1;
        }
        int mask = k.length - 1;
        int slot = spread(key.hashCode()) & mask;
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
        if (weakValues && isCollectable(value)) {
            value = new WeakSlot(value);
        }
        int slot = findSlot(key);
        if (slot >= 0) {
            values[slot] = value;
            return;
        }
        if (value == null) {
            return;
        }
        if ((hashUsed + 1) * 4 > keys.length * 3) {
            rehash();
        }
        int mask = keys.length - 1;
        slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = weakKeys && isCollectable(key) ? new WeakSlot(key) : key;
        values[slot] = value;
        hashUsed++;
    }

    /** Rebuilds the hash part without its nil-valued keys, growing it when it is more than half live. */
    private void rehash() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        int live = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (isLive(oldKeys[i], oldValues[i])) {
                live++;
            }
        }
        int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, live * 2)) << 1);
        keys = new Object[capacity];
        values = new Object[capacity];
        hashUsed = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (isLive(oldKeys[i], oldValues[i])) {
                int mask = capacity - 1;
                int slot = spread(oldKeys[i].hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                hashUsed++;
            }
        }
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
        int size = arrayCount;
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
        return arrayCount;
    }

    /** How many entries the hash part holds (keys that are not in the array part). */
    public int hashPartUsed() {
        return hashUsed;
    }

    /** The entry after {@code key} in traversal order ({@code next}); {@code null} at the end. */
    public Entry next(Object key) {
        int position;
        if (key == null) {
            position = 0;
        } else {
            position = positionOf(key) + 1;
        }
        for (; position < arrayCount; position++) {
            if (array[position] != null) {
                return new Entry((double) (position + 1), array[position]);
            }
        }
        for (int slot = Math.max(0, position - arrayCount); slot < keys.length; slot++) {
            Object k = keys[slot] == null ? null : unwrap(keys[slot]);
            Object v = values[slot] == null ? null : unwrap(values[slot]);
            if (k != null && v != null) {
                return new Entry(k, v);
            }
        }
        return null;
    }

    /** The traversal position of {@code key}: array index, or arrayCount + hash slot. */
    private int positionOf(Object key) {
        if (key instanceof Double d) {
            double v = d;
            int index = (int) v;
            if (index == v && index >= 1 && index <= arrayCount) {
                return index - 1;
            }
            key = normalise(v);
        }
        int slot = findSlot(key);
        if (slot < 0) {
            throw new LuaError("invalid key to 'next'");
        }
        return arrayCount + slot;
    }

    /** One key and value of a traversal. */
    public record Entry(Object key, Object value) {
    }
}
