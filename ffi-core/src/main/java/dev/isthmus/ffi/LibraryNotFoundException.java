package dev.isthmus.ffi;

import java.util.List;

/**
 * A library that none of the names tried for it loaded: each attempt with the loader's
 * reason, the first being the name as given or, for a short name, {@code libNAME.so}.
 */
public final class LibraryNotFoundException extends IllegalArgumentException {
    /** One file or name tried, and why the loader refused it. */
    public record Attempt(String nameOrPath, String reason) {
    }

    private final String name;
    private final List<Attempt> attempts;

    /** A failure to load {@code name}, after the {@code attempts} made, in order. */
    public LibraryNotFoundException(String name, List<Attempt> attempts) {
        super(message(name, attempts));
        this.name = name;
        this.attempts = List.copyOf(attempts);
    }

    private static String message(String name, List<Attempt> attempts) {
        StringBuilder text = new StringBuilder("cannot load library '").append(name).append("'; tried: ");
        for (int i = 0; i < attempts.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(attempts.get(i).nameOrPath()).append(" (").append(attempts.get(i).reason()).append(')');
        }
        return text.toString();
    }

    /** The library name as it was asked for. */
    public String name() {
        return name;
    }

    /** Every name or path tried, in order, with the loader's reason. */
    public List<Attempt> attempts() {
        return attempts;
    }
}
