package cn.dayuan.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.util.FileSystemUtils;

/**
 * The folders behind an export folder, so that a full export reaches readers all at once. The folder the web server
 * serves ({@code site}) is a symbolic link to a release folder beside it ({@code .site.releases/20261205-155012-345});
 * a full export writes a new release and points the link at it with one rename, so a reader gets the old site or the
 * new one, never a mix of both or a half-written file. The release it replaces is kept, to go back to by hand
 * ({@code ln -sfn .site.releases/… site}); older ones are deleted when the next full export begins. Exports that
 * build a few pages write into the release being served, each file atomically.
 */
final class ExportReleases {

    private static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path published;
    private final Path folder;

    ExportReleases(Path published) {
        this.published = published;
        this.folder = published.getParent() == null ? null
                : published.resolveSibling("." + published.getFileName() + ".releases");
    }

    /**
     * The folder the site is served from now: the release the link points at, the published folder itself when it is
     * a plain folder (an export made before releases, or a folder made by hand), null when there is none.
     */
    Path live() {
        if (Files.isSymbolicLink(published)) {
            try {
                return published.toRealPath();
            } catch (IOException dangling) {
                return null;
            }
        }
        return Files.isDirectory(published, LinkOption.NOFOLLOW_LINKS) ? published : null;
    }

    /**
     * Makes the folder of a new release.
     *
     * @throws IOException when the published folder has none above it (the file system's root), the folder beside it
     *                     cannot be written or holds no symbolic links: the export is then written in place
     */
    Path begin(Instant startedAt) throws IOException {
        if (folder == null) {
            throw new IOException("no folder above " + published);
        }
        Files.createDirectories(folder);
        Path release = folder.resolve(NAMES.format(startedAt));
        Files.createDirectory(release);
        Path probe = folder.resolve(".link-check");
        try {
            Files.deleteIfExists(probe);
            Files.createSymbolicLink(probe, release.getFileName());
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            FileSystemUtils.deleteRecursively(release);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return release;
    }

    /**
     * Points the published folder at {@code release} with one rename, then deletes the releases older than the one it
     * replaced (and what interrupted exports left). A plain folder in its place is first moved among the releases
     * (an empty one is deleted): the only moment the published folder is missing, once.
     */
    void publish(Path release) throws IOException {
        Path replaced = live();
        Path link = published.resolveSibling("." + published.getFileName() + ".link");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, published.getParent().relativize(release));
        if (Files.isDirectory(published, LinkOption.NOFOLLOW_LINKS)) {
            if (isEmpty(published)) {
                Files.delete(published);
                replaced = null;
            } else {
                replaced = Files.move(published, folder.resolve(release.getFileName() + "-before"),
                        StandardCopyOption.ATOMIC_MOVE).toRealPath();
            }
        }
        Files.move(link, published, StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> releases = Files.newDirectoryStream(folder)) {
            for (Path other : releases) {
                if (!other.equals(release) && (replaced == null || !other.toRealPath().equals(replaced))) {
                    FileSystemUtils.deleteRecursively(other);
                }
            }
        }
    }

    /** Deletes a release that is not to be published. */
    static void abandon(Path release) {
        try {
            FileSystemUtils.deleteRecursively(release);
        } catch (IOException ignored) {
            // The next full export deletes it.
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            return !children.iterator().hasNext();
        }
    }
}
