package dev.isthmus.lua.interp;

/**
 * A callback's pointer parameter's object kept between calls (the ffi library's pointer
 * cdata): a call takes it, pointed at C's address, and gives it back when the function's
 * compiled code returned having let it out nowhere, so that a comparator called by
 * {@code qsort} makes no object per comparison; a call further out (a nested callback) that
 * still has it makes the inner call make its own. Lua code never sees an object change: the
 * only ones reused are those no Lua value refers to any more.
 *
 * <p>The taking and giving back are field accesses in the callback's spun method
 * ({@link CallbackMethod}), not calls: a call there is inlined or not by the method's profile,
 * which is thin when the upcall is compiled early.
 */
public abstract class KeptArgument {
    /** The object the next call takes, or null while a call has it. */
    Reusable free;

    /** A new object pointing at {@code address}. */
    protected abstract Reusable made(long address);

    /**
     * A new free object when there is none: after a call that kept its object (its compiled code
     * left, or let it out) or came through the interpreter's entry, so that the next call finds
     * one (the spun method goes the slow way when it does not).
     */
    final void replenish() {
        if (free == null) {
            free = made(0);
        }
    }

    /** An object a call may point at another address: its one method a setter, which the JIT compiler inlines on any profile. */
    public interface Reusable {
        void reuseFor(long address);
    }
}
