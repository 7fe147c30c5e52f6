package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * C declarations as the generated Javadoc shows them, close to how the header wrote them:
 * an anonymous struct, union or enum is named by the typedef that names it
 * ({@code CURLcode curl_easy_perform(void *curl)}, not the hundred enumerators of
 * {@code enum { CURLE_OK = 0U, ... }}). Other typedef names are not kept by the parser's
 * types, so {@code size_t} shows as {@code unsigned long}.
 */
final class CDeclarations {
    private final Function<CType, String> names;

    /** Declarations whose anonymous types are named by {@code names} where it gives a name (non-null). */
    CDeclarations(Function<CType, String> names) {
        this.names = names;
    }

    /** Declarations whose anonymous types are named by the first typedef in {@code scope} that names them. */
    static CDeclarations of(CScope scope) {
        return new CDeclarations(typedefNames(scope)::get);
    }

    /** The first typedef naming each anonymous struct, union or enum of {@code scope}. */
    static Map<CType, String> typedefNames(CScope scope) {
        Map<CType, String> typedefNames = new HashMap<>();
        for (Declaration d : scope.declarations()) {
            if (d instanceof Declaration.Typedef t && isAnonymous(BindingSet.strip(t.type()))) {
                typedefNames.putIfAbsent(BindingSet.strip(t.type()), t.name());
            }
        }
        return typedefNames;
    }

    /** {@code name} declared with {@code type}, without the {@code ;}. */
    String declare(CType type, String name) {
        return TypeRenderer.declare(type, name, names);
    }

    /** A function declaration with its parameter names: {@code int compress(Bytef *dest, ...)}. */
    String function(String name, CType.Function type, List<Optional<String>> parameterNames) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < type.parameterTypes().size(); i++) {
            String parameter = i < parameterNames.size() ? parameterNames.get(i).orElse("") : "";
            parameters.add(declare(type.parameterTypes().get(i), parameter));
        }
        if (type.isVariadic()) {
            parameters.add("...");
        }
        String list = parameters.isEmpty() ? "void" : String.join(", ", parameters);
        return declare(type.returnType(), name + "(" + list + ")");
    }

    /** A struct or union with its body, members of anonymous typedef'd types by the typedef's name. */
    String definition(RecordType record) {
        return TypeRenderer.renderDefinition(record, names);
    }

    static boolean isAnonymous(CType type) {
        return type instanceof RecordType r && r.tag().isEmpty() || type instanceof EnumType e && e.tag().isEmpty();
    }
}
