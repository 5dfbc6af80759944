package io.hyperstatus.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/** Editing a file that the server watches, as an operator would, without waiting for the file system's clock. */
public final class FileEdits {
    private FileEdits() {
    }

    /**
     * Writes the file. A file that was there gets a modification time a second after its last one, as an edit made a
     * moment later has, so that a reader that looks at the time sees every edit even on a coarse file system clock.
     */
    public static void write(Path file, String text) throws IOException {
        FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        Files.writeString(file, text);
        if (before != null) {
            Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plus(Duration.ofSeconds(1))));
        }
    }
}
