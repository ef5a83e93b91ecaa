package org.goldenthread.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Long work running in the background, such as a large import: its phase, its counts so far, the
 * problems found and, once done, the same outcome the work gives when it runs while the caller
 * waits. A job of a {@link JobFeed} (a round of emails) is kept by its module and named by its
 * feed and id; the rest are kept by {@link Jobs} and named by id alone.
 */
public record Job(
        long id,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String feed,
        String kind,
        String subject,
        String link,
        Measure measure,
        State state,
        @JsonProperty("rows_total") @Nullable Integer rowsTotal,
        @JsonProperty("rows_read") int rowsRead,
        @JsonProperty("rows_checked") int rowsChecked,
        @JsonProperty("rows_stored") int rowsStored,
        List<Problem> problems,
        @Nullable JsonNode result,
        @JsonProperty("started_by") @Nullable String startedBy,
        @JsonIgnore @Nullable Long startedById,
        @JsonProperty("queued_at") Instant queuedAt,
        @JsonProperty("started_at") @Nullable Instant startedAt,
        @JsonProperty("finished_at") @Nullable Instant finishedAt,
        @JsonIgnore Set<Role> shownTo) {

    public Job {
        problems = List.copyOf(problems);
        shownTo = Set.copyOf(shownTo);
    }

    /** What names it in addresses: its id, or for a job of a feed, the feed's name and its id ("mailings/7"). */
    @JsonIgnore
    public String key() {
        return feed == null ? String.valueOf(id) : feed + "/" + id;
    }

    public enum State implements Coded {
        QUEUED("queued", "Waiting to start"),
        CHECKING("checking", "Checking rows"),
        STORING("storing", "Storing"),
        DONE("done", "Done"),
        FAILED("failed", "Not imported"),
        INTERRUPTED("interrupted", "Interrupted");

        private final String code;
        private final String label;

        State(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

        public boolean finished() {
            return this == DONE || this == FAILED || this == INTERRUPTED;
        }

        static State of(String code) {
            return Coded.parse(State.class, code).orElseThrow();
        }
    }

    /**
     * What a job counts, in words for its page: rows of a file for imports; figures, or parts, for
     * other slow work.
     */
    public enum Measure implements Coded {
        ROWS("rows", "Rows in the file", "Rows checked", "Rows stored", "Checking rows", "Storing", "Not imported"),
        FIGURES(
                "figures",
                "Figures to freeze",
                "Figures worked out",
                "Figures frozen",
                "Working out the figures",
                "Freezing the figures",
                "Not closed"),
        // the demo's parts are loaded as soon as they are ready: nothing is checked first
        PARTS("parts", "Parts to load", null, "Parts loaded", "Getting ready", "Loading", "Not loaded"),
        // a survey's answers read into memory for its results
        RESPONSES(
                "responses",
                "Responses to load",
                null,
                "Responses loaded",
                "Getting ready",
                "Loading the answers",
                "Not loaded"),
        // a round of emails: rows read counts every email dealt with, sent or not
        EMAILS("emails", "Emails to send", null, "Emails sent", "Getting ready", "Sending emails", "Not sent");

        private final String code;
        private final String total;
        private final @Nullable String checked;
        private final String stored;
        private final String checking;
        private final String storing;
        private final String failed;

        Measure(
                String code,
                String total,
                @Nullable String checked,
                String stored,
                String checking,
                String storing,
                String failed) {
            this.code = code;
            this.total = total;
            this.checked = checked;
            this.stored = stored;
            this.checking = checking;
            this.storing = storing;
            this.failed = failed;
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return total;
        }

        public String total() {
            return total;
        }

        /** The words for the rows checked, or null for work that checks nothing before it stores. */
        public @Nullable String checked() {
            return checked;
        }

        public String stored() {
            return stored;
        }

        static Measure of(String code) {
            return Coded.parse(Measure.class, code).orElseThrow();
        }
    }

    /** The phase in the words of what the job counts: "Checking rows", "Freezing the figures". */
    @JsonIgnore
    public String phase() {
        return switch (state) {
            case CHECKING -> measure.checking;
            case STORING -> measure.storing;
            case FAILED -> measure.failed;
            default -> state.label();
        };
    }

    @JsonIgnore
    public boolean finished() {
        return state.finished();
    }

    /**
     * Whether this job's page is the one a page address names ({@code {id}} standing for the job's
     * id), so an import into one round or programme is never shown under another's.
     */
    public boolean shownAt(String page) {
        return link.equals(page.replace("{id}", String.valueOf(id)));
    }

    /**
     * How far the work has gone, 0 to 100: checking is the first half, storing the second, or for work
     * that checks nothing first, the share dealt with. Null while the number of rows is not known, for
     * a bar that can only say the work is under way.
     */
    @JsonProperty("percent")
    public @Nullable Integer percent() {
        if (state == State.DONE) {
            return 100;
        }
        if (state == State.QUEUED) {
            return 0;
        }
        Integer total = rowsTotal;
        if (total == null || total == 0) {
            return null;
        }
        long done = measure.checked() == null
                ? 2L * Math.min(Math.max(rowsRead, rowsStored), total)
                : Math.min(rowsChecked, total) + (long) Math.min(rowsStored, total);
        return (int) Math.min(99, done * 100 / (2L * total));
    }

    /**
     * What a screen reader hears: the phase and progress to the nearest quarter, so that it changes
     * a few times in a long import rather than at every refresh.
     */
    @JsonIgnore
    public String announcement() {
        if (state.finished() || state == State.QUEUED) {
            return phase();
        }
        Integer percent = percent();
        return percent == null ? phase() : phase() + ", about " + (percent / 25 * 25) + "% done";
    }
}
