package dev.isthmus.lua.interp;

import dev.isthmus.lua.runtime.LuaTable;

/**
 * One step of a generic {@code for} whose iterator is {@code next} over a table, as
 * {@code pairs} returns it: the entry after the control key is written straight into the
 * loop's registers (LuaJIT's ITERN does the same). Calling {@code next} as a function would
 * box its arguments and results into arrays and build an entry per step; this allocates
 * nothing but the box of a hashed number key, and an array-part key stays an unboxed number.
 */
final class PairsStep {
    private PairsStep() {
    }

    /**
     * Advances the loop whose generator registers start at slot {@code a} (iterator, table,
     * control; the {@code variables} loop variables follow): returns false at the end of the
     * table, with the variables nil, as the interpreter leaves them after a nil from the iterator.
     */
    static boolean advance(LuaTable table, ValueStack st, int a, int variables) {
        Object[] s = st.slots;
        double[] n = st.nums;
        Object control = s[a + 2];
        int position = control == ValueStack.NUMBER ? table.positionAfter(n[a + 2]) : table.positionAfter(control);
        int key = a + 3;
        for (position = table.nextPosition(position); position >= 0; position = table.nextPosition(position + 1)) {
            Object value = table.valueAt(position);
            if (position < table.arrayPartSize()) {
                s[key] = ValueStack.NUMBER;
                n[key] = position + 1;
            } else {
                Object k = table.keyAt(position);
                if (k == null || value == null) {
                    continue; // a weak entry collected since nextPosition saw it
                }
                s[key] = k;
            }
            s[a + 2] = s[key];
            n[a + 2] = n[key];
            if (variables >= 2) {
                s[key + 1] = value;
                clear(s, key + 2, key + variables);
            }
            return true;
        }
        clear(s, key, key + variables);
        return false;
    }

    private static void clear(Object[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            s[i] = null;
        }
    }
}
