/**
 * Native operations as JVM bytecode, for any language implementation that generates code
 * with ASM: calls ({@link dev.isthmus.jit.NativeCall}), loads and stores of C memory
 * ({@link dev.isthmus.jit.MemoryAccess}), C's conversions ({@link dev.isthmus.jit.CConversions}),
 * guards ({@link dev.isthmus.jit.Guards}), and for interpreters an inline-caching
 * {@code invokedynamic} call site ({@link dev.isthmus.jit.NativeCallSite}).
 *
 * <h2>How a generated class gets its constants</h2>
 * A generator collects the objects its code needs (downcall handles, ctypes to guard on) in
 * a {@link dev.isthmus.jit.ClassData}; each use is an {@code ldc} of a dynamic constant
 * (or an {@code invokedynamic} whose bootstrap reads one), and
 * {@link dev.isthmus.jit.HiddenClasses#define} passes the list as the hidden class's class
 * data. A constant resolved this way is a constant to C2, so a native call through it
 * compiles to the downcall stub inlined in place, the same code as a {@code static final}
 * handle gives a hand-written Java caller.
 *
 * <h2>Values</h2>
 * Values live on the stack unboxed, each C scalar in one JVM primitive
 * ({@link dev.isthmus.jit.CScalar}); pointers are {@code long} addresses. A downcall handle's
 * parameters are FFM carriers ({@code byte} for {@code uint8_t}, {@code MemorySegment} for
 * pointers): {@link dev.isthmus.jit.CConversions#emitToCarrier} and
 * {@link dev.isthmus.jit.CConversions#emitFromCarrier} cross between the two.
 *
 * <h2>A worked example: summing a member over an array of structs</h2>
 * For {@code struct point { int32_t x, y; }} and a {@code struct point *p} with {@code n}
 * elements, {@code for (i = 0; i < n; i++) sum += p[i].y;} in a method
 * {@code (long p, long n)long}:
 * <pre>{@code
 *   // Guard once, before the loop (hoisted: p does not change): NULL and other never-mapped p exit.
 *   mv.visitVarInsn(LLOAD, p); Guards.emitMappable(mv, 1, exit);
 *   loop:
 *     ...  i < n, else leave
 *     mv.visitVarInsn(LLOAD, sum);
 *     mv.visitVarInsn(LLOAD, p); mv.visitVarInsn(LLOAD, i);
 *     MemoryAccess.emitIndex(mv, 8);                    // p + i * sizeof(struct point)
 *     MemoryAccess.emitOffset(mv, 4);                   // .y
 *     MemoryAccess.emitLoad(mv, CScalar.INT32, Addressing.ADDRESS);
 *     CConversions.emitConvert(mv, CScalar.INT32, CScalar.INT64);
 *     mv.visitInsn(LADD); mv.visitVarInsn(LSTORE, sum);
 * }</pre>
 * {@code StructFieldLoopTest} builds exactly this method.
 *
 * <h2>What this package does not do</h2>
 * It records nothing, keeps no IR and knows no language: the VM decides what to emit, where
 * its guards go (hoisting included) and what an exit does. It does not keep native memory
 * alive: code holding a raw address must keep the memory's owner reachable.
 */
package dev.isthmus.jit;
