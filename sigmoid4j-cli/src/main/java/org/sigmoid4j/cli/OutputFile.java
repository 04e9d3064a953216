package org.sigmoid4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before any work is done, so a typo does not cost a training run. */
final class OutputFile {
    private OutputFile() {}

    static Path check(Path out, String option) {
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new UsageException(option + " " + out + ": is a directory; give a file name");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + out + ": the directory " + (dir == null ? out : dir) + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException(option + " " + out + ": the directory " + dir + " is not writable");
        }
        return out;
    }
}
