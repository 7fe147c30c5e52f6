package dev.isthmus.ffi;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.RecordType;

import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every struct and union of the native test library mapped to an FFM layout: same size and
 * alignment as cparser's layout (itself checked against cc), and every named member at the
 * same offset.
 */
class ForeignLayoutsTest {

    @Test
    void testLibraryRecords_mappedToFfmLayouts_keepSizesAlignmentsAndOffsets() throws Exception {
        CScope scope = CScope.create(Abi.host());
        scope.declare(TestLibraries.preprocess("#include \"isthmustest.h\"\n"), "isthmustest.h");
        ForeignLayouts layouts = new ForeignLayouts(Abi.host());
        int records = 0;
        java.util.Set<String> refused = new java.util.TreeSet<>();
        for (Declaration d : scope.declarations()) {
            if (!(d instanceof Declaration.Record r) || !r.type().isComplete()) {
                continue;
            }
            RecordType type = r.type();
            MemoryLayout layout = layouts.layoutOf(type);
            var expected = Abi.host().layoutOf(type);
            assertEquals(expected.byteSize(), layout.byteSize(), r.name() + " size");
            assertEquals(expected.byteAlignment(), layout.byteAlignment(), r.name() + " alignment");
            for (FieldLayout field : expected.fields()) {
                if (field.name().isPresent() && !field.isBitField()) {
                    // A member sharing an eightbyte with bitfields is inside integer carriers.
                    boolean isInCarriers = expected.fields().stream().anyMatch(f -> f.bitField()
                            .filter(b -> b.bitWidth() > 0 && b.bitOffset() / 64 == field.byteOffset() / 8).isPresent());
                    if (!isInCarriers) {
                        assertEquals(field.byteOffset(), layout.byteOffset(PathElement.groupElement(field.name().get())),
                                r.name() + "." + field.name().get());
                    }
                }
            }
            // The linker checks a by-value layout when it makes a handle (alignments natural, padding
            // only where they need it): it takes every record whyNotPassable does not refuse.
            if (ForeignRecordLayout.whyNotPassable(layout).isEmpty()) {
                assertDoesNotThrow(() -> Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(layout)), r.name() + " by value");
            } else {
                refused.add(r.name());
                assertThrows(IllegalArgumentException.class,
                        () -> Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(layout)), r.name() + " refused");
            }
            records++;
        }
        assertTrue(records > 30, "expected the test library's structs, found " + records);
        // Packed with misaligned members, or aligned beyond their members: no FFM layout describes them.
        assertEquals(java.util.Set.of("struct it_aligned", "struct it_aligned32", "struct it_holds_packed", "struct it_pack2",
                "struct it_packed"), refused);
    }

    /** Packed records, whose alignment is below their members' natural one (the FFM API refuses such a group unless its members are realigned). */
    @Test
    void packedRecords_mappedToFfmLayouts_haveTheirPackedAlignment() {
        CScope scope = CScope.create(Abi.host());
        scope.declare("""
                struct one { unsigned int a; } __attribute__((packed));
                struct mixed { unsigned char a; unsigned int b; unsigned short c; double d; } __attribute__((packed));
                union either { unsigned char a; unsigned int b; } __attribute__((packed));
                struct nested { unsigned char x; union either u; struct mixed m; } __attribute__((packed));
                #pragma pack(2)
                struct two { unsigned char a; unsigned long long b; };
                """, "packed.h");
        ForeignLayouts layouts = new ForeignLayouts(Abi.host());
        String[][] rows = {{"one", "4", "1"}, {"mixed", "15", "1"}, {"nested", "20", "1"}, {"two", "10", "2"}};
        for (String[] row : rows) {
            MemoryLayout layout = layouts.layoutOf(scope.struct(row[0]).orElseThrow());
            assertEquals(Long.parseLong(row[1]), layout.byteSize(), row[0] + " size");
            assertEquals(Long.parseLong(row[2]), layout.byteAlignment(), row[0] + " alignment");
        }
        assertEquals(1, layouts.layoutOf(scope.union("either").orElseThrow()).byteAlignment());
    }
}
