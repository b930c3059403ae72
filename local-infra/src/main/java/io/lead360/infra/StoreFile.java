package io.lead360.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore file behind an {@link EmbeddedMongo}, and how superseded data leaves it: by
 * rebuilding, i.e. copying every live entry, one by one, into a new file that then replaces the old.
 *
 * <p>Why not H2's own compaction (measured with H2 2.4.240, see {@code StoreResidueTest} and the
 * commit that added this class): MVStore is log-structured; an update or delete writes new pages,
 * leaves the old ones in the file and only marks freed space free. Its compaction rewrites chunks page
 * by page, inner B-tree pages included, so a deleted key that once became a separator there (a
 * document id, an indexed value such as a rater id) stays: after a full online compaction 2-19% of
 * the deleted index keys of test collections were still in the file, and {@code MVStoreTool.compact}
 * (offline) keeps them too. Moving all chunks while the server wrote also broke one of H2's
 * assertions, and chunks are padded from a reused write buffer (a one-block chunk was seen carrying
 * documents of the chunk written before it).
 * A copy made entry by entry into a fresh store has trees built from live keys only and buffers that
 * never held anything else.
 *
 * <p>Blocks the file system got back (the replaced file) are not overwritten: reading the raw disk
 * needs disk encryption, as for any database.
 */
final class StoreFile {

    private static final String REBUILD_SUFFIX = ".rebuild";

    private StoreFile() {}

    /** Opens (or creates) the store, 0600 from the start. */
    static MVStore open(Path file) {
        try {
            if (!Files.exists(file)) {
                OwnerOnlyFiles.createFile(file);
            }
            OwnerOnlyFiles.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        return new MVStore.Builder().fileName(file.toString()).open();
    }

    /** Where {@link #rebuild} writes the copy before it replaces {@code file}. */
    static Path copyOf(Path file) {
        return file.resolveSibling(file.getFileName() + REBUILD_SUFFIX);
    }

    /**
     * Replaces the closed store file with an entry-by-entry copy of its live data. A crash leaves
     * either the old file or the new one, plus at most a partial copy that {@link #removeLeftovers} deletes.
     *
     * @return false when there is no file yet
     */
    static boolean rebuild(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        Path copy = copyOf(file);
        copyEntries(file, copy, name -> true);
        replace(copy, file);
        return true;
    }

    /** Deletes a partial copy a crash during a rebuild may have left. */
    static void removeLeftovers(Path file) {
        try {
            Files.deleteIfExists(copyOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the partial copy next to " + file, e);
        }
    }

    /** {@link #copyEntries(MVStore, Path, Predicate)} from the closed store file {@code from}. */
    static void copyEntries(Path from, Path to, Predicate<String> maps) {
        try (MVStore source =
                new MVStore.Builder().fileName(from.toString()).readOnly().open()) {
            copyEntries(source, to, maps);
        }
    }

    /**
     * Copies the maps of {@code source} whose name {@code maps} accepts into the new file {@code to}
     * (replaced if present), entry by entry in key order, and syncs it. {@code source} must not change
     * meanwhile. On failure the partial copy is deleted.
     */
    static void copyEntries(MVStore source, Path to, Predicate<String> maps) {
        try {
            Files.deleteIfExists(to);
            try (MVStore target = open(to)) {
                for (String name : new TreeSet<>(source.getMapNames())) {
                    if (!maps.test(name)) {
                        continue;
                    }
                    MVMap<Object, Object> sourceMap = source.openMap(name);
                    MVMap<Object, Object> targetMap = target.openMap(name);
                    for (Map.Entry<Object, Object> entry : sourceMap.entrySet()) {
                        targetMap.put(entry.getKey(), entry.getValue());
                    }
                }
                target.commit();
                target.sync();
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(to);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot copy the store into " + to, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Moves {@code copy} over {@code file} atomically and makes the rename durable. */
    static void replace(Path copy, Path file) {
        try {
            try {
                Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file + " with " + copy, e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can open a directory; the rename itself has happened
        }
    }
}
