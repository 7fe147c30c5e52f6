package dev.isthmus.cparser.preprocess;

/**
 * The value of a character constant in {@code #if} (C11 6.4.4.4): plain ones are
 * {@code int} with GCC's rules (one char is sign-extended from {@code char}, which is
 * signed here; several chars shift in eight bits each), prefixed ones ({@code L u U})
 * the code unit.
 */
final class CharacterConstants {
    private CharacterConstants() {
    }

    static long value(String spelling) {
        int quote = spelling.indexOf('\'');
        boolean wide = quote > 0;
        String body = spelling.substring(quote + 1, spelling.length() - 1);
        long value = 0;
        int count = 0;
        long last = 0;
        for (int i = 0; i < body.length(); ) {
            char c = body.charAt(i);
            long unit;
            if (c != '\\' || i + 1 >= body.length()) {
                unit = c;
                i++;
            } else {
                char e = body.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> unit = '\n';
                    case 't' -> unit = '\t';
                    case 'r' -> unit = '\r';
                    case 'a' -> unit = 7;
                    case 'b' -> unit = '\b';
                    case 'f' -> unit = '\f';
                    case 'v' -> unit = 11;
                    case 'e', 'E' -> unit = 27;
                    case 'x' -> {
                        long v = 0;
                        while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                            v = v * 16 + Character.digit(body.charAt(i++), 16);
                        }
                        unit = v;
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            long v = e - '0';
                            for (int k = 0; k < 2 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                                v = v * 8 + (body.charAt(i++) - '0');
                            }
                            unit = v;
                        } else {
                            unit = e;
                        }
                    }
                }
            }
            last = unit;
            value = (value << 8) | (unit & 0xff);
            count++;
        }
        if (wide) {
            return last;
        }
        return count == 1 ? (byte) value : (int) value;
    }
}
