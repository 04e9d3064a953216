package org.sigmoid4j.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the read-only {@code shared/} folder (reference vectors, datasets, R / scikit-learn /
 * PyTorch results) that lies beside the project checkout. Tests may read it; shipped code never.
 *
 * <p>Order: {@code -Dsigmoid4j.shared}, {@code $SIGMOID4J_SHARED}, then {@code shared/} in the
 * project root's parent or any further ancestor (so git worktrees nested deeper also find it).
 */
public final class SharedFiles {

    private SharedFiles() {}

    public static Path root() {
        String explicit = System.getProperty("sigmoid4j.shared", System.getenv("SIGMOID4J_SHARED"));
        if (explicit != null && !explicit.isBlank()) {
            return requireDir(Path.of(explicit));
        }
        Path start = Path.of(System.getProperty("sigmoid4j.projectRoot", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the shared/ folder above " + start
                + "; set -Dsigmoid4j.shared=/path/to/shared or SIGMOID4J_SHARED");
    }

    /** A file below {@code shared/}, e.g. {@code resolve("reference/numerics/sigmoid.f64.csv")}. */
    public static Path resolve(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing shared file " + p);
        }
        return p;
    }

    private static Path requireDir(Path p) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("not a directory: " + p);
        }
        return p;
    }
}
