package dev.isthmus.cparser.type;

import dev.isthmus.cparser.SourcePosition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A struct or union type: the declaration itself, compared by identity. It starts
 * incomplete (a forward declaration, {@code struct foo;}) and is completed once with a
 * {@link Body}; completing it again is an error the scope reports before calling here.
 *
 * <p>Not thread-safe while being completed; complete types are immutable.
 */
public final class RecordType implements CType {

    /** Struct or union. */
    public enum Kind {
        STRUCT("struct"), UNION("union");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * One member. {@code name} is empty for anonymous struct/union members and unnamed
     * bitfields. {@code bitWidth} is present for bitfields (zero-width included).
     * {@code requestedByteAlignment} is the largest of {@code _Alignas} and
     * {@code __attribute__((aligned(n)))} on the member, 0 when none; {@code isPacked}
     * is {@code __attribute__((packed))} on the member. {@code spelling} is how the
     * declaration wrote the type with typedef names ({@code size_t n;}), for display only: the
     * member's {@code type} is the resolved type, which alone decides layout and identity.
     */
    public record Member(Optional<String> name, CType type, OptionalInt bitWidth,
                         long requestedByteAlignment, boolean isPacked, SourcePosition position,
                         TypeSpelling spelling) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(bitWidth, "bitWidth");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(spelling, "spelling");
            if (requestedByteAlignment < 0 || Long.bitCount(requestedByteAlignment) > 1) {
                throw new IllegalArgumentException("alignment must be 0 or a power of two, got " + requestedByteAlignment);
            }
        }

        /** A member whose type was not spelled with a typedef name. */
        public Member(Optional<String> name, CType type, OptionalInt bitWidth, long requestedByteAlignment, boolean isPacked,
                      SourcePosition position) {
            this(name, type, bitWidth, requestedByteAlignment, isPacked, position, TypeSpelling.AS_RESOLVED);
        }

        /** A plain named member with no attributes. */
        public static Member of(String name, CType type) {
            return new Member(Optional.of(name), type, OptionalInt.empty(), 0, false, SourcePosition.BUILTIN);
        }

        /** A named bitfield with no attributes. */
        public static Member bitField(String name, CType type, int bitWidth) {
            return new Member(Optional.of(name), type, OptionalInt.of(bitWidth), 0, false, SourcePosition.BUILTIN);
        }

        public boolean isBitField() {
            return bitWidth.isPresent();
        }
    }

    /**
     * A named integer constant that belongs to a record without taking space in it: LuaJIT's
     * {@code static const int k = 1;} member, or an enumerator of an enum declared inside the
     * record without a member name (LuaJIT looks both up as members). {@code value} holds the
     * bits of {@code type}.
     */
    public record Constant(String name, CType type, long value, SourcePosition position) {
        public Constant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(position, "position");
        }
    }

    /**
     * The members and the layout attributes of a definition. {@code isPacked} is
     * {@code __attribute__((packed))} on the type; {@code requestedByteAlignment} is
     * {@code __attribute__((aligned(n)))} on the type (0 when none); {@code maxFieldAlignment}
     * is the {@code #pragma pack(n)} in force at the definition (0 when none). {@code constants}
     * are the record's {@link Constant}s, always empty under C's rules.
     */
    public record Body(List<Member> members, boolean isPacked, long requestedByteAlignment, long maxFieldAlignment,
                       List<Constant> constants) {
        public Body(List<Member> members, boolean isPacked, long requestedByteAlignment, long maxFieldAlignment) {
            this(members, isPacked, requestedByteAlignment, maxFieldAlignment, List.of());
        }

        public Body {
            members = List.copyOf(members);
            constants = List.copyOf(constants);
            if (requestedByteAlignment < 0 || Long.bitCount(requestedByteAlignment) > 1) {
                throw new IllegalArgumentException("alignment must be 0 or a power of two, got " + requestedByteAlignment);
            }
            if (maxFieldAlignment < 0 || Long.bitCount(maxFieldAlignment) > 1) {
                throw new IllegalArgumentException("pack must be 0 or a power of two, got " + maxFieldAlignment);
            }
        }

        public static Body of(List<Member> members) {
            return new Body(members, false, 0, 0);
        }

        /** The constant named {@code name}, here or in an anonymous member's body. */
        public Optional<Constant> constant(String name) {
            for (Constant c : constants) {
                if (c.name().equals(name)) {
                    return Optional.of(c);
                }
            }
            for (Member m : members) {
                if (m.name().isEmpty() && CType.unqualified(m.type()) instanceof RecordType r && r.isComplete()) {
                    Optional<Constant> inner = r.body().constant(name);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
            return Optional.empty();
        }
    }

    private final Kind kind;
    private final Optional<String> tag;
    private final SourcePosition position;
    private Body body;
    private SourcePosition definitionPosition;

    public RecordType(Kind kind, Optional<String> tag, SourcePosition position) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.tag = Objects.requireNonNull(tag, "tag");
        this.position = Objects.requireNonNull(position, "position");
    }

    public Kind kind() {
        return kind;
    }

    public boolean isUnion() {
        return kind == Kind.UNION;
    }

    /** The tag, empty for an anonymous struct or union. */
    public Optional<String> tag() {
        return tag;
    }

    /** Where the type was first mentioned. */
    public SourcePosition position() {
        return position;
    }

    public boolean isComplete() {
        return body != null;
    }

    /** The body of a complete type; {@link IllegalStateException} for an incomplete one. */
    public Body body() {
        if (body == null) {
            throw new IllegalStateException(this + " is incomplete");
        }
        return body;
    }

    /**
     * Whether this is the struct of a target's {@code __builtin_va_list}, as cparser
     * predeclares it (SysV x86-64's {@code struct __va_list_tag}, an array of one, and
     * AArch64's {@code struct __va_list}): the state of a variadic call, whose members are the ABI's.
     */
    public boolean isVaList() {
        return position.equals(SourcePosition.BUILTIN) && tag.filter(t -> t.equals("__va_list_tag") || t.equals("__va_list")).isPresent();
    }

    /** Where the body was defined; {@link #position()} for an incomplete type. */
    public SourcePosition definitionPosition() {
        return definitionPosition != null ? definitionPosition : position;
    }

    /** Completes the type. Throws {@link IllegalStateException} if it was complete already. */
    public void complete(Body newBody, SourcePosition where) {
        Objects.requireNonNull(newBody, "newBody");
        if (body != null) {
            throw new IllegalStateException(this + " is already complete");
        }
        body = newBody;
        definitionPosition = where;
    }

    /** {@code struct tag}, or {@code struct <anonymous at file:line:col>}. */
    @Override
    public String toString() {
        return kind.keyword() + " " + tag.orElse("<anonymous at " + position + ">");
    }
}
