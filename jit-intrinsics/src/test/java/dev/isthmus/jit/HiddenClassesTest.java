package dev.isthmus.jit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HiddenClassesTest {

    @Test
    void define_classDataConstants_areLoadedByLdcAsTheSameObjects() throws Throwable {
        List<String> list = List.of("a", "b");
        Object marker = new Object();
        MethodHandle first = Generated.method(MethodType.methodType(Object.class), (mv, data) -> {
            data.emitLoad(mv, marker, Object.class);
            mv.visitInsn(Opcodes.ARETURN);
        });
        MethodHandle second = Generated.method(MethodType.methodType(Object.class), (mv, data) -> {
            data.add(marker);
            data.emitLoad(mv, list, List.class);
            mv.visitInsn(Opcodes.ARETURN);
        });
        assertSame(marker, first.invoke());
        assertSame(list, second.invoke());
    }

    @Test
    void classData_addedTwice_hasOneIndex() {
        ClassData data = new ClassData();
        Object value = new Object();
        assertEquals(0, data.add("x"));
        assertEquals(1, data.add(value));
        assertEquals(1, data.add(value));
        assertEquals(2, data.size());
    }

    @Test
    void classData_constantOfWrongOrPrimitiveType_isRejected() {
        ClassData data = new ClassData();
        int index = data.add("text");
        assertThrows(IllegalArgumentException.class, () -> data.constant(index, Integer.class));
        assertThrows(IllegalArgumentException.class, () -> data.constant(index, int.class));
        assertThrows(IllegalArgumentException.class, () -> data.constant(index + 1, String.class));
        assertThrows(NullPointerException.class, () -> data.add(null));
    }

    @Test
    void define_withTheDumpProperty_writesEachClassForJavap(@TempDir Path dir) throws Throwable {
        System.setProperty(HiddenClasses.DUMP_PROPERTY, dir.toString());
        try {
            MethodHandle seven = Generated.method(MethodType.methodType(int.class), (mv, data) -> {
                mv.visitLdcInsn(7);
                mv.visitInsn(Opcodes.IRETURN);
            });
            assertEquals(7, (int) seven.invokeExact());
        } finally {
            System.clearProperty(HiddenClasses.DUMP_PROPERTY);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> dumped = files.filter(p -> p.toString().endsWith(".class")).toList();
            assertEquals(1, dumped.size());
            assertTrue(dumped.getFirst().toString().contains("dev/isthmus/jit/GeneratedTestClass-"), dumped.toString());
            Generated.verify(Files.readAllBytes(dumped.getFirst()));
        }
    }

    @Test
    void define_malformedClass_throwsTheJvmsErrorAfterDumpingIt(@TempDir Path dir) throws Exception {
        // A method declared to return an int that returns nothing: the verifier rejects it.
        byte[] bytes = Generated.classBytes(MethodType.methodType(int.class), new ClassData(),
                (mv, data) -> mv.visitInsn(Opcodes.RETURN));
        System.setProperty(HiddenClasses.DUMP_PROPERTY, dir.toString());
        try {
            assertThrows(VerifyError.class, () -> HiddenClasses.define(java.lang.invoke.MethodHandles.lookup(), bytes, new ClassData()));
        } finally {
            System.clearProperty(HiddenClasses.DUMP_PROPERTY);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".class")).count());
        }
    }

    @Test
    void nameIn_namesTheClassInTheHostsPackage() {
        assertEquals("dev/isthmus/jit/Trace1", HiddenClasses.nameIn(java.lang.invoke.MethodHandles.lookup(), "Trace1"));
    }
}
