package dev.isthmus.ffi;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.RecordType;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                    assertEquals(field.byteOffset(), layout.byteOffset(PathElement.groupElement(field.name().get())),
                            r.name() + "." + field.name().get());
                }
            }
            records++;
        }
        assertTrue(records > 30, "expected the test library's structs, found " + records);
    }
}
