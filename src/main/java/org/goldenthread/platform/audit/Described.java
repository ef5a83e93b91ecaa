package org.goldenthread.platform.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry in words for its page: what happened, and a line for each field it set, changed
 * or removed. The API keeps the entry's JSON as recorded; a person reading the log on a phone
 * should not have to diff two JSON documents by eye.
 */
record Described(AuditEntry entry, String what, String changes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Actions recorded as a bare verb name their record by its entity; these are that verb's words. */
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("add", "added"),
            Map.entry("attendance", "attendance recorded"),
            Map.entry("confirm", "confirmed"),
            Map.entry("create", "created"),
            Map.entry("delete", "deleted"),
            Map.entry("import", "imported"),
            Map.entry("invite", "invitations sent"),
            Map.entry("new_open_link", "open link issued again"),
            Map.entry("publish", "published"),
            Map.entry("raise", "raised"),
            Map.entry("remove", "removed"),
            Map.entry("status", "status changed"),
            Map.entry("update", "updated"),
            Map.entry("withdraw", "withdrawn"));

    static Described of(AuditEntry e) {
        return new Described(e, what(e.action(), e.entity()), changes(e.before(), e.after()));
    }

    /**
     * "survey.theme_added" reads "Survey theme added"; a bare "create" on an engagement_event reads
     * "Engagement event created", and with no entity (the filter's list) just "Created".
     */
    static String what(String action, @Nullable String entity) {
        int dot = action.indexOf('.');
        if (dot >= 0) {
            String done = action.substring(dot + 1);
            return sentence(words(action.substring(0, dot)) + " " + DONE.getOrDefault(done, words(done)));
        }
        String done = DONE.getOrDefault(action, words(action));
        return sentence(entity == null || entity.isBlank() ? done : words(entity) + " " + done);
    }

    /**
     * One line a field: "name: X" for a field a new record has, "status: open → done" for one that
     * changed, "name: X (removed)" for one a removed record had. Empty fields of a new or removed
     * record are left out; a field emptied by a change shows as "→ none".
     */
    static String changes(@Nullable String before, @Nullable String after) {
        JsonNode was = parse(before);
        JsonNode is = parse(after);
        if (!was.isObject() && !is.isObject()) {
            if (was.isMissingNode()) {
                return is.isMissingNode() ? "" : value(is);
            }
            return value(was) + " \u2192 " + (is.isMissingNode() ? "none" : value(is));
        }
        Set<String> fields = new LinkedHashSet<>();
        was.propertyNames().forEach(fields::add);
        is.propertyNames().forEach(fields::add);
        List<String> lines = new ArrayList<>();
        for (String field : fields) {
            JsonNode old = was.path(field);
            JsonNode now = is.path(field);
            String name = words(field);
            if (!is.isObject()) {
                if (!blank(old)) {
                    lines.add(name + ": " + value(old) + " (removed)");
                }
            } else if (!was.isObject() || old.isMissingNode()) {
                if (!blank(now)) {
                    lines.add(name + ": " + value(now));
                }
            } else if (!old.equals(now)) {
                lines.add(name + ": " + value(old) + " \u2192 " + value(now));
            }
        }
        return lines.isEmpty() ? "No field changed" : String.join("\n", lines);
    }

    /** A field a new or removed record left empty says nothing, so it gets no line. */
    private static boolean blank(JsonNode node) {
        return node.isNull() || node.isMissingNode() || (node.isContainer() && node.isEmpty());
    }

    private static JsonNode parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return JSON.missingNode();
        }
        JsonNode node = JSON.readTree(json);
        return node.isNull() ? JSON.missingNode() : node;
    }

    /** A field's value as a person reads it: text as it is, a list as its items, nothing as "none". */
    private static String value(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "none";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "yes" : "no";
        }
        if (node.isArray() && node.values().stream().allMatch(JsonNode::isValueNode)) {
            return node.isEmpty()
                    ? "none"
                    : node.values().stream().map(Described::value).collect(Collectors.joining(", "));
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /** "min_group_size" and "mergedAt" alike read as lower-case words; ICS and ODS stay capitals. */
    private static String words(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replace('_', ' ')
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\bics\\b", "ICS")
                .replaceAll("\\bods\\b", "ODS");
    }

    private static String sentence(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
