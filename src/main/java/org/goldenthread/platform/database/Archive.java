package org.goldenthread.platform.database;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file a backup or an ICS export is: a zip holding one entry per table in PostgreSQL's COPY text
 * format, and a manifest saying what made it, at which schema version, and each table's rows and
 * checksum, so that whatever reads it back can prove it read back the same.
 */
final class Archive {

    static final String MANIFEST = "manifest.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A whole installation, or one ICS's data. */
    enum Kind {
        BACKUP,
        ICS
    }

    record TableContents(String name, List<String> columns, long rows, String checksum) {}

    record Manifest(
            int format,
            Kind kind,
            String schemaVersion,
            String madeAt,
            @Nullable String ods,
            List<TableContents> tables,
            Map<String, Long> sequences) {

        TableContents contents(String table) {
            return tables.stream()
                    .filter(t -> t.name().equals(table))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The file holds no table " + table));
        }

        boolean holds(String table) {
            return tables.stream().anyMatch(t -> t.name().equals(table));
        }
    }

    static final int FORMAT = 1;

    private Archive() {}

    static String entry(String table) {
        return "tables/" + table + ".copy";
    }

    /** Copies the rows a query selects into the zip, as one entry. */
    static void copyOut(Connection c, ZipOutputStream zip, String table, String query)
            throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry(entry(table)));
        copier(c).copyOut("copy (" + query + ") to stdout", new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                // the zip goes on; only its entry ends
                flush();
            }
        });
        zip.closeEntry();
    }

    /** Loads one table's entry into a table (or a staging table) with the columns named. */
    static long copyIn(Connection c, ZipFile zip, String table, String target, List<String> columns)
            throws SQLException, IOException {
        ZipEntry e = zip.getEntry(entry(table));
        if (e == null) {
            throw new IllegalStateException("The file lacks the rows of " + table);
        }
        String columnList =
                String.join(", ", columns.stream().map(Schema::quote).toList());
        try (InputStream in = zip.getInputStream(e)) {
            return copier(c).copyIn("copy " + target + " (" + columnList + ") from stdin", in);
        }
    }

    static void writeManifest(ZipOutputStream zip, Manifest manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
    }

    static Manifest readManifest(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry(MANIFEST);
        if (e == null) {
            throw new IllegalStateException(zip.getName() + " is not a Golden Thread backup or ICS export");
        }
        try (InputStream in = zip.getInputStream(e)) {
            Manifest m = JSON.readValue(in, Manifest.class);
            if (m.format() != FORMAT) {
                throw new IllegalStateException(
                        "The file is in format " + m.format() + "; this version reads format " + FORMAT);
            }
            return m;
        }
    }

    static OutputStream partial(Path file) throws IOException {
        return java.nio.file.Files.newOutputStream(partialName(file));
    }

    static Path partialName(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    static void complete(Path file) throws IOException {
        java.nio.file.Files.move(
                partialName(file),
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static CopyManager copier(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }
}
