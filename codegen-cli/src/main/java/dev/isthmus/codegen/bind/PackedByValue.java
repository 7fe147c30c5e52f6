package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;

/**
 * How a packed record ({@code __attribute__((packed))}, {@code #pragma pack}) travels by
 * value. The FFM linker takes only naturally aligned layouts, and a packed record's layout
 * lowers its members' alignment, so its {@code LAYOUT} cannot be linked. But when every
 * member still sits where its natural alignment would put it, and the record has its
 * natural size, the ABIs pass it exactly as its unpacked twin: SysV classifies eightbytes
 * by the members in them (psABI 3.2.3; class MEMORY only for unaligned members), AAPCS64
 * passes composites by size and members' types (B.3, C.12: alignment only rounds the
 * stack slot, to at least 8 either way), and Win64 by size alone (1, 2, 4 or 8 bytes in a
 * register, else a copy by reference). So such a record is passed with the twin's layout
 * ({@code struct __attribute__((packed)) { int a; float b; }} as {@code {int, float}}).
 * Any other packed record (a member at an offset its alignment would not give, such as
 * {@code { char c; int i; }} packed, which SysV passes in memory) has no FFM layout to be
 * passed with: the function is refused with the reason, never bound wrongly.
 */
final class PackedByValue {
    private PackedByValue() {
    }

    /** True when the ABI's layout of {@code record} lowers some member's alignment, so the linker rejects it. */
    static boolean isLowered(Abi abi, RecordType record) {
        StructLayout layout = abi.layoutOf(record);
        for (FieldLayout field : layout.fields()) {
            CType type = element(BindingSet.strip(field.type()));
            if (!field.isBitField() && abi.alignOf(type) > layout.byteAlignment()
                    || type instanceof RecordType inner && inner.isComplete() && isLowered(abi, inner)) {
                return true;
            }
        }
        return false;
    }

    /** The layout expression to pass a lowered record by value with: its unpacked twin's, when that is the same to the ABI. */
    static String layout(Abi abi, RecordType record, JavaNames names) throws NotBindable {
        String name = record.tag().map(t -> record.kind().keyword() + " " + t).orElse("an anonymous " + record.kind().keyword());
        StructLayout packed = abi.layoutOf(record);
        List<RecordType.Member> members = record.body().members().stream()
                .map(m -> new RecordType.Member(m.name(), m.type(), m.bitWidth(), 0, false, m.position(), m.spelling())).toList();
        RecordType twin = new RecordType(record.kind(), record.tag(), record.position());
        twin.complete(new RecordType.Body(members, false, 0, 0), record.definitionPosition());
        StructLayout natural = abi.layoutOf(twin);
        boolean same = natural.byteSize() == packed.byteSize() && natural.fields().size() == packed.fields().size();
        for (int i = 0; same && i < packed.fields().size(); i++) {
            FieldLayout field = packed.fields().get(i);
            CType type = element(BindingSet.strip(field.type()));
            same = !field.isBitField() && !(type instanceof RecordType) && field.byteOffset() == natural.fields().get(i).byteOffset();
        }
        if (!same) {
            throw new NotBindable("passes the packed " + name + " by value, whose members are not where their alignment would"
                    + " put them (" + abi.name() + " then passes it in memory, which no FFM layout expresses); pass a pointer to it");
        }
        return new RecordLayoutExpression(abi, names, "LAYOUT").of(twin);
    }

    private static CType element(CType type) {
        return type instanceof CType.Array a ? element(BindingSet.strip(a.element())) : type;
    }
}
