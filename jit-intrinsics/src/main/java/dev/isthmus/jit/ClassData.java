package dev.isthmus.jit;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.constant.ConstantDescs;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The constants of one class being generated: any objects (method handles, C types,
 * segments) that its code loads with {@code ldc} of a dynamic constant. They travel to the
 * class as hidden-class class data ({@link HiddenClasses#define}), a list in the order they
 * were added, and each {@code ldc} resolves once, through
 * {@link java.lang.invoke.MethodHandles#classDataAt}, to a constant the JIT compiler folds
 * (as it folds a {@code static final} field): no static fields, no initializer, no lookups.
 *
 * <p>An object added twice gets one index (by identity). Not thread-safe: one generator fills it.
 */
public final class ClassData {
    /** {@code MethodHandles.classDataAt(Lookup, String, Class, int)}: the JDK's bootstrap for a class-data element. */
    static final Handle CLASS_DATA_AT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);

    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> indices = new IdentityHashMap<>();

    /** The index of {@code value} in the class data, adding it if it is not there yet. */
    public int add(Object value) {
        Objects.requireNonNull(value, "class data cannot hold null (classDataAt would give null for any type)");
        return indices.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /**
     * The dynamic constant that loads element {@code index} as {@code type}, for {@code ldc}
     * or as a bootstrap argument. {@code type} must be a reference type the generated class
     * can name (a public type, or one of its own package).
     */
    public ConstantDynamic constant(int index, Class<?> type) {
        if (index < 0 || index >= values.size()) {
            throw new IllegalArgumentException("no class data element " + index + " (there are " + values.size() + ")");
        }
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("class data constants are objects; push a primitive with ldc directly: " + type);
        }
        if (!type.isInstance(values.get(index))) {
            throw new IllegalArgumentException("class data element " + index + " is a " + values.get(index).getClass().getName()
                    + ", not a " + type.getName());
        }
        return new ConstantDynamic(ConstantDescs.DEFAULT_NAME, Type.getDescriptor(type), CLASS_DATA_AT, index);
    }

    /** Emits {@code ldc} of {@code value} (added if needed) typed as {@code type}: pushes the object. */
    public void emitLoad(MethodVisitor mv, Object value, Class<?> type) {
        mv.visitLdcInsn(constant(add(value), type));
    }

    /** How many constants there are. */
    public int size() {
        return values.size();
    }

    /** The constants in index order: what {@link HiddenClasses#define} passes as class data. */
    public List<Object> values() {
        return List.copyOf(values);
    }
}
