package dev.isthmus.ffi;

import java.util.List;

/**
 * How calls of one declared function are made, as its declaration asks through clang's
 * {@code annotate} attribute, which other C compilers and LuaJIT parse and ignore:
 * <ul>
 * <li>{@code __attribute__((annotate("isthmus:noerrno")))}: errno is not captured, so
 *     {@link Ffi#errno()} does not see what this function leaves in it. For functions that
 *     never set errno ({@code abs}, most of a library's own API), the capture is about 1.5
 *     to 4 ns of a call's price.</li>
 * <li>{@code __attribute__((annotate("isthmus:critical")))}: a critical call
 *     ({@code Linker.Option.critical}): the thread stays in Java's state during the call, so
 *     there is no transition to native and back, but the garbage collector waits for the
 *     call to end. Only for short leaf functions that never block and never call back into
 *     Java or Lua: a callback from a critical call may abort the JVM. errno is still
 *     captured unless {@code isthmus:noerrno} is given too.</li>
 * </ul>
 */
public record CallOptions(boolean capturesErrno, boolean isCritical) {
    /** What an undecorated declaration gets: errno captured, an ordinary downcall. */
    public static final CallOptions DEFAULT = new CallOptions(true, false);

    /** The annotation that turns the errno capture off. */
    public static final String NO_ERRNO = "isthmus:noerrno";
    /** The annotation that makes calls critical. */
    public static final String CRITICAL = "isthmus:critical";

    /** The options a declaration's {@code annotate} strings ask for; other strings are not ours and are ignored. */
    public static CallOptions of(List<String> annotations) {
        return new CallOptions(!annotations.contains(NO_ERRNO), annotations.contains(CRITICAL));
    }
}
