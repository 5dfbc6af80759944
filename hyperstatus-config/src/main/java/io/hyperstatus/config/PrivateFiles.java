package io.hyperstatus.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads files that hold secrets (agent secrets, the server's file of them). Such a file must exist, be readable and
 * not be readable by every user of the machine; anything else stops start-up with a message naming the option.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** The file's text; {@code option} is how messages name the option that names the file. */
    public static String read(Path file, String option) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new ConfigException("Invalid value for option " + option + ": '" + file
                            + "' is readable by every user (" + mode(permissions) + "); it holds secrets, so make"
                            + " it readable by its owner only, e.g. chmod 600");
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Invalid value for option " + option + ": '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("Invalid value for option " + option + ": cannot read '" + file + "': " + e, e);
        }
    }

    private static String mode(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.toString(permissions);
    }
}
