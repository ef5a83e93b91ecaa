package org.goldenthread.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A file received in full before the work on it starts, so that the caller need not wait for that
 * work: kept on disk for as long as the work runs, readable only by the application, and deleted
 * when closed. The lines are counted as it arrives, which tells how large the work will be.
 *
 * <p>Each process keeps its files in a folder named by its process id; a folder left by a process
 * that is no longer running (cut off by a crash) is deleted when the next one starts.
 */
public final class Upload implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "golden-thread-uploads");
    private static final Path MINE =
            ROOT.resolve(String.valueOf(ProcessHandle.current().pid()));

    static {
        removeOrphans();
    }

    private final Path file;
    private final long lines;

    private Upload(Path file, long lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Receives the whole of a request body or a form's file. */
    public static Upload receive(InputStream body) {
        try {
            Files.createDirectories(MINE);
            Path file = Files.createTempFile(
                    MINE,
                    "upload-",
                    ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            long lines = 0;
            boolean endsWithNewline = true;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = body.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    endsWithNewline = buffer[n - 1] == '\n';
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(file, endsWithNewline ? lines : lines + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rows above which an API import runs in the background whatever the caller asked, so no client
     * holds a request open for long and no proxy's timeout cuts it off.
     */
    public static final int LARGE = 5_000;

    /**
     * Whether a file already in memory has more than {@value #LARGE} lines after its header (a close
     * guess at its rows, as {@link #lines()} is).
     */
    public static boolean large(byte[] file) {
        int lines = 0;
        for (byte b : file) {
            if (b == '\n' && ++lines > LARGE + 1) {
                return true;
            }
        }
        return false;
    }

    /** Lines in the file, a close guess at its rows (a quoted value may hold a line break). */
    public long lines() {
        return lines;
    }

    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeOrphans() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> folders = Files.list(ROOT)) {
            folders.filter(folder -> !alive(folder.getFileName().toString())).forEach(Upload::delete);
        } catch (IOException e) {
            // another process may be tidying up at the same moment; what is left waits for the next start
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // as above
        }
    }
}
