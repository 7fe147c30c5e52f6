package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.DirectCalls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The call sites through which traces call function trees' direct entries: one per function
 * and shape ({@link DirectEntry#type}), whose target is the installed tree's {@code body}
 * when its entry has that shape and otherwise an adapter making the call as the interpreter
 * does. Installing, replacing or dropping a function's tree relinks its sites, and the JVM
 * recompiles the code that had inlined the old target; a trace calls the target of a site, a
 * constant to C2, which inlines the target or calls it as a plain JVM call.
 */
final class DirectSites {
    private static final Map<Prototype, Sites> BY_FUNCTION = new WeakHashMap<>();
    private static final MethodHandle FALLBACK_NUMBER;
    private static final MethodHandle FALLBACK_VALUE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodType generic = MethodType.methodType(Object.class, dev.isthmus.lua.interp.ValueStack.class, int.class,
                    dev.isthmus.lua.interp.LuaClosure.class, dev.isthmus.lua.interp.CallStack.class, Object[].class);
            FALLBACK_NUMBER = lookup.findStatic(DirectCalls.class, "fallbackNumber", generic.changeReturnType(double.class));
            FALLBACK_VALUE = lookup.findStatic(DirectCalls.class, "fallbackValue", generic);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Sites {
        final Map<MethodType, MutableCallSite> byType = new HashMap<>();
        MethodType installedType;
        MethodHandle installedBody;
    }

    private DirectSites() {
    }

    /**
     * {@code p}'s site of shape {@code type}, made (and linked) on first use. A trace calls its
     * target as read from the site ({@code getTarget}), which C2 folds to the target with a
     * dependency on the site, when the site is a constant of the trace's class; through the
     * site's dynamic invoker it did not always (the invoker's own checks stayed in ray's
     * recursive calls, a tenth of their time).
     */
    static synchronized MutableCallSite site(Prototype p, MethodType type) {
        Sites sites = BY_FUNCTION.computeIfAbsent(p, k -> new Sites());
        MutableCallSite site = sites.byType.get(type);
        if (site == null) {
            site = new MutableCallSite(type.equals(sites.installedType) ? sites.installedBody : fallback(type));
            sites.byType.put(type, site);
        }
        return site;
    }

    /** The shape of {@code p}'s installed tree's direct entry, or null when it has none. */
    static synchronized MethodType installedType(Prototype p) {
        Sites sites = BY_FUNCTION.get(p);
        return sites == null ? null : sites.installedType;
    }

    /** {@code p}'s tree now installed has entry {@code body} of shape {@code type}; both null: none. */
    static synchronized void install(Prototype p, MethodType type, MethodHandle body) {
        Sites sites = BY_FUNCTION.get(p);
        if (sites == null) {
            if (type == null) {
                return;
            }
            sites = new Sites();
            BY_FUNCTION.put(p, sites);
        }
        sites.installedType = type;
        sites.installedBody = body;
        sites.byType.forEach((t, site) -> site.setTarget(t.equals(type) ? body : fallback(t)));
    }

    private static MethodHandle fallback(MethodType type) {
        MethodHandle generic = type.returnType() == double.class ? FALLBACK_NUMBER : FALLBACK_VALUE;
        return generic.asCollector(Object[].class, type.parameterCount() - 4).asType(type);
    }
}
