package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The links and documents attached to a cycle's indicators as evidence. */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Cycles cycles;

    Attachments(JdbcClient jdbc, Audit audit, Cycles cycles) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cycles = cycles;
    }

    @Transactional
    public long attachLink(long cycleId, String indicatorCode, @Nullable String title, @Nullable String url) {
        Cycle cycle = cycles.openCycle(cycleId);
        Cycles.indicator(cycle, indicatorCode);
        List<Problem> problems = new ArrayList<>();
        itemTitle(title, problems);
        if (url == null || !url.trim().matches("^https?://\\S+$") || url.trim().length() > 2000) {
            problems.add(Problem.of("url", "Give a web address starting https:// or http://"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into evidence_item (cycle_id, indicator, title, url, added_by)
                        values (:c, :i, :t, :u, :by) returning id""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                // both were refused above when missing
                .param("t", Objects.requireNonNull(title).trim())
                .param("u", Objects.requireNonNull(url).trim())
                .param("by", Scope.currentCaller().userId())
                .query(Long.class)
                .single();
        audit.record(
                "evidence.attached", "cycle", cycleId, null, Map.of("indicator", indicatorCode, "title", title.trim()));
        return id;
    }

    /** The kinds of document accepted, by extension; anything else could carry active content. */
    static final Map<String, String> FILE_TYPES = Map.of(
            "pdf",
            "application/pdf",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "csv",
            "text/csv",
            "txt",
            "text/plain",
            "png",
            "image/png",
            "jpg",
            "image/jpeg");

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    @Transactional
    public long attachFile(
            long cycleId,
            String indicatorCode,
            @Nullable String title,
            @Nullable String fileName,
            byte @Nullable [] content) {
        Cycle cycle = cycles.openCycle(cycleId);
        Cycles.indicator(cycle, indicatorCode);
        List<Problem> problems = new ArrayList<>();
        itemTitle(title, problems);
        // keep the last path segment, without control or bidi characters that could disguise it
        String name = fileName == null
                ? ""
                : fileName.replaceAll("^.*[/\\\\]", "")
                        .replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                        .trim();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (content == null || content.length == 0) {
            problems.add(Problem.of("file", "Choose a file to attach"));
        } else if (content.length > MAX_FILE_BYTES) {
            problems.add(Problem.of("file", "The file must be 10 MB or smaller"));
        } else if (!FILE_TYPES.containsKey(extension)) {
            problems.add(Problem.of("file", "Attach a PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG file"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into evidence_item (cycle_id, indicator, title, file_name, content_type, content, added_by)
                        values (:c, :i, :t, :f, :ct, :content, :by) returning id""")
                .param("c", cycleId)
                .param("i", indicatorCode)
                // refused above when missing
                .param("t", Objects.requireNonNull(title).trim())
                .param("f", name)
                .param("ct", FILE_TYPES.get(extension))
                .param("content", content)
                .param("by", Scope.currentCaller().userId())
                .query(Long.class)
                .single();
        audit.record("evidence.attached", "cycle", cycleId, null, Map.of("indicator", indicatorCode, "file", name));
        return id;
    }

    private static void itemTitle(@Nullable String title, List<Problem> problems) {
        if (title == null || title.isBlank()) {
            problems.add(Problem.of("title", "Say what the evidence is"));
        } else if (title.trim().length() > 200) {
            problems.add(Problem.of("title", "Keep the title to 200 characters or fewer"));
        }
    }

    /** Removes an attached link or document while the cycle is open: the ICS admin, or whoever attached it. */
    @Transactional
    public void removeItem(long cycleId, long itemId, boolean lead) {
        cycles.openCycle(cycleId);
        Map<String, Object> before = jdbc.sql("""
                        select indicator, title, added_by from evidence_item where id = :id and cycle_id = :c""")
                .param("id", itemId)
                .param("c", cycleId)
                .query((rs, n) -> Map.<String, Object>of(
                        "indicator", rs.getString(1), "title", rs.getString(2), "added_by", rs.getLong(3)))
                .optional()
                .orElseThrow(() -> new NotFound("No attached evidence " + itemId + " in this cycle"));
        if (!lead
                && (long) Objects.requireNonNull(before.get("added_by"))
                        != Scope.currentCaller().userId()) {
            throw new org.goldenthread.platform.Forbidden(
                    "Only the ICS administrator or whoever attached it can remove it");
        }
        jdbc.sql("delete from evidence_item where id = :id").param("id", itemId).update();
        audit.record("evidence.removed", "cycle", cycleId, before, null);
    }

    public List<Cycle.Item> items(long cycleId) {
        return jdbc.sql("""
                        select e.id, e.indicator, e.title, e.url, e.file_name, e.content_type,
                               e.added_by as added_by_id, u.display_name as added_by, e.added_at
                          from evidence_item e join account_names() u on u.id = e.added_by
                         where e.cycle_id = :c order by e.indicator, e.added_at""").param("c", cycleId).query(Cycle.Item.class).list();
    }

    public record File(String name, String contentType, byte[] content) {}

    public File file(long cycleId, long itemId) {
        return jdbc.sql("select file_name, content_type, content from evidence_item where id = :id and cycle_id = :c"
                        + " and content is not null")
                .param("id", itemId)
                .param("c", cycleId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new NotFound("No attached file " + itemId + " in this cycle"));
    }
}
