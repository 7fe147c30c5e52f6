package dev.isthmus.lua.jit;

import dev.isthmus.jit.ClassData;
import dev.isthmus.jit.HiddenClasses;
import dev.isthmus.lua.interp.LoopTrace;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * The hidden class a trace tree is compiled to: a {@link LoopTrace} whose {@code run} is the
 * tree's code ({@link TraceCodegen}), the static methods its exits write the frame with
 * ({@link ExitWriter}), and the constants they load (the class's class data).
 */
final class TreeClass {
    private static final String OBJECT = "java/lang/Object";

    /**
     * The largest tree method, in bytes of bytecode, that may take another side trace. HotSpot
     * never compiles a method over 8000 bytes ({@code HugeMethodLimit}), and C2 inlines a callee
     * only while the method and what it has inlined stay under 8000 bytes too
     * ({@code DesiredMethodLimit}): nbody's tree at 7500 bytes kept its calls to the table's
     * slot accessors and boxing as calls and ran at half the speed of its root alone. A third of
     * the budget is left to inlining.
     */
    static final int TREE_LIMIT = 5300;

    /** The tree's method would be too large for the JVM's compiler to do well: the last side trace must go. */
    static final class TooLarge extends Exception {
        TooLarge(int size) {
            super(size + " bytes of bytecode, over " + TREE_LIMIT, null, false, false);
        }
    }

    final TraceTree tree;
    final ClassData constants = new ClassData();
    /** The exit writers' methods by what they write, shared by the class's methods. */
    final Map<String, String> exitMethods = new HashMap<>();

    private TreeClass(TraceTree tree) {
        this.tree = tree;
    }

    /**
     * Generates, defines and instantiates the tree's class.
     *
     * @throws TooLarge when the tree has side traces and its method is larger than the JVM compiles
     */
    static LoopTrace generate(TraceTree tree, String name) throws TooLarge {
        TreeClass c = new TreeClass(tree);
        MethodHandles.Lookup host = MethodHandles.lookup();
        byte[] bytes = c.classBytes(HiddenClasses.nameIn(host, name));
        try {
            MethodHandles.Lookup lookup = HiddenClasses.define(host, bytes, c.constants);
            return (LoopTrace) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("the trace's class was refused: " + e, e);
        }
    }

    private byte[] classBytes(String internal) throws TooLarge {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // Values are typed Object in locals and cast where used: no class needs loading to merge them.
                return OBJECT;
            }
        };
        cw.visit(V21, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internal, null, OBJECT, new String[] {Type.getInternalName(LoopTrace.class)});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        int size = new TraceCodegen(this, cw, internal).emit();
        if (size > TREE_LIMIT && !tree.sides.isEmpty()) {
            throw new TooLarge(size);
        }
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (org.objectweb.asm.MethodTooLargeException e) {
            // Past the class file's 64 KB: as full as a tree gets (md5's side trace inlining all of its transform).
            throw new TooLarge(e.getCodeSize());
        }
    }
}
