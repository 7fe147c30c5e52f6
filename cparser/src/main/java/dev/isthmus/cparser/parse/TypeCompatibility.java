package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.type.CType;

import java.util.List;

/**
 * Type compatibility for redeclarations (C11 6.2.7), reduced to what repeated declarations
 * in headers need: identical types, an unprototyped function against a prototyped one,
 * and an incomplete array against a complete one ({@code extern int a[]; int a[10];}).
 */
final class TypeCompatibility {
    private TypeCompatibility() {
    }

    static boolean areCompatible(CType a, CType b) {
        if (a.equals(b)) {
            return true;
        }
        return switch (a) {
            case CType.Function fa when b instanceof CType.Function fb ->
                    areCompatible(fa.returnType(), fb.returnType())
                            && (!fa.hasPrototype() || !fb.hasPrototype()
                                || (fa.isVariadic() == fb.isVariadic() && areAllCompatible(fa.parameterTypes(), fb.parameterTypes())));
            case CType.Array aa when b instanceof CType.Array ab ->
                    areCompatible(aa.element(), ab.element())
                            && (aa.kind() != CType.ArrayKind.FIXED || ab.kind() != CType.ArrayKind.FIXED);
            case CType.Pointer pa when b instanceof CType.Pointer pb -> areCompatible(pa.target(), pb.target());
            default -> false;
        };
    }

    private static boolean areAllCompatible(List<CType> a, List<CType> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            // Top-level qualifiers of parameters do not count (C11 6.7.6.3p15).
            if (!areCompatible(CType.unqualified(a.get(i)), CType.unqualified(b.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
