package dev.isthmus.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version, which the build writes into a resource beside this class. */
final class ToolVersion {
    private ToolVersion() {
    }

    static String number() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
