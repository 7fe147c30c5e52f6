package dev.isthmus.lua.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version line {@code -v} and the prompt print, as luajit's first line. */
final class Version {
    private Version() {
    }

    static String banner() {
        return "Isthmus " + number() + " -- Lua 5.1 with LuaJIT's ffi, bit and jit libraries, on Java "
                + Runtime.version().feature();
    }

    /** The project's version, which the build writes into a resource. */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
