package org.sigmoid4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Library-wide facts: the version, as written into model files and printed by the CLI. */
public final class Sigmoid4j {

    private static final String VERSION = loadVersion();

    private Sigmoid4j() {}

    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Sigmoid4j.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
