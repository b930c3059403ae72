package io.lead360.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Data files readable by their owner only: directories 0700, files 0600. The data holds who rated whom
 * and what was answered, so another account on the machine must not read it. Without POSIX
 * permissions (Windows) these are no-ops.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    /** Creates {@code dir} and any missing parents as 0700; leaves existing parents alone, makes {@code dir} 0700. */
    static void directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    directory(parent);
                }
                if (POSIX) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                } else {
                    Files.createDirectory(dir);
                }
            }
            restrict(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + " readable by its owner only", e);
        }
    }

    /** Makes {@code root} and every directory under it 0700 and every file 0600 (symbolic links are not followed). */
    static void tighten(Path root) {
        if (!POSIX || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                restrict(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot make " + root + " readable by its owner only", e);
        }
    }

    /** 0700 for a directory, 0600 for a regular file; anything else is left alone. */
    static void restrict(Path path) throws IOException {
        if (!POSIX) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            setIfDifferent(path, DIRECTORY);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            setIfDifferent(path, FILE);
        }
    }

    /** Creates an empty file that is 0600 from the start (no window in which it has the umask's mode). */
    static void createFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    private static void setIfDifferent(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }
}
