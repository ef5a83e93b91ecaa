package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and coding free-text answers: a codebook of themes per survey, the themes each comment
 * carries, counts of themes by subgroup, and suggestions for comments not yet coded. Suggestions
 * are worked out here on the server from the words of comments already coded; no text is sent
 * anywhere else.
 */
@Service
public class Codebook {

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Audit audit;
    private final SmallNumbers smallNumbers;

    Codebook(JdbcClient jdbc, Surveys surveys, Audit audit, SmallNumbers smallNumbers) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.audit = audit;
        this.smallNumbers = smallNumbers;
    }

    public record Theme(long id, String name, @Nullable String description, int comments) {}

    /** A comment; its response is named by the response's random public id, never its row number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comment(
            @JsonProperty("response_id") UUID responseId,
            String text,
            List<Long> themes,
            @JsonProperty("suggested_theme") @Nullable Long suggestedTheme) {}

    /** The text fields of a survey that hold comments: text questions, comment boxes and "other" boxes. */
    public List<String> fields(long surveyId) {
        List<String> fields = new ArrayList<>();
        for (Question q : surveys.survey(surveyId).definition().questions()) {
            if (q.questionType() == QuestionType.TEXT) {
                fields.add(q.code());
            }
            if (q.hasComment()) {
                fields.add(q.code() + "_comment");
            }
            if (q.hasOther()) {
                fields.add(q.code() + "_other");
            }
        }
        return fields;
    }

    private String field(long surveyId, @Nullable String field) {
        return fields(surveyId).stream()
                .filter(f -> f.equalsIgnoreCase(field == null ? "" : field.trim()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("field", "The survey has no free-text field called " + field));
    }

    public List<Theme> themes(long surveyId) {
        surveys.survey(surveyId);
        return jdbc.sql("""
                        select t.id, t.name, t.description,
                               (select count(distinct (c.response_id, c.field)) from survey_coding c where c.theme_id = t.id)
                                   as comments
                          from survey_theme t where t.survey_id = :survey order by t.name""").param("survey", surveyId).query(Theme.class).list();
    }

    @Transactional
    public Theme addTheme(long surveyId, @Nullable String name, @Nullable String description) {
        surveys.survey(surveyId);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new InvalidInput("name", "Give the theme a name of up to 120 characters");
        }
        if (themes(surveyId).stream().anyMatch(t -> t.name().equalsIgnoreCase(trimmed))) {
            throw new InvalidInput("name", "The codebook already has a theme called " + trimmed);
        }
        long id = jdbc.sql("""
                        insert into survey_theme (ics_id, survey_id, name, description)
                        select s.ics_id, s.id, :name, :description from survey s where s.id = :survey returning id""")
                .param("survey", surveyId)
                .param("name", trimmed)
                .param("description", description == null || description.isBlank() ? null : description.trim())
                .query(Long.class)
                .single();
        audit.record("survey.theme_added", "survey_theme", id, null, Map.of("survey", surveyId, "name", trimmed));
        return themes(surveyId).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    /**
     * Refuses (403) anyone who may not read a survey's comments. A comment is a raw response in its
     * writer's own words, so it is read and coded only by those who may have the raw responses (ICS
     * admins, and the place lead who created the survey). And while an anonymous survey has fewer
     * than k responses nobody reads them here: with so few, a comment is easily put to a name, and
     * coding one and breaking the themes down would tie it to the rest of its writer's answers.
     */
    public void requireComments(long surveyId) {
        surveys.requireRawResponses(surveyId);
        if (commentsWithheld(surveyId)) {
            throw new Forbidden(withheldNote());
        }
    }

    /** Whether an anonymous survey still has too few responses for its comments to be shown. */
    public boolean commentsWithheld(long surveyId) {
        return surveys.survey(surveyId).definition().keepsRespondentsAnonymous()
                && !surveys.hasMoreResponsesThan(surveyId, smallNumbers.minGroupSize() - 1);
    }

    /** Says why no comments are shown, naming k but not how many responses there are so far. */
    public String withheldNote() {
        int k = smallNumbers.minGroupSize();
        return "This anonymous survey has fewer than " + k + " responses, so its comments are not shown yet, to"
                + " protect respondents. They appear once it has " + k + " responses.";
    }

    /**
     * Comments in one text field, a page at a time, with their themes and a suggestion: oldest first,
     * or for an anonymous survey those released so far, in an order that says nothing of when each came
     * (see {@link Release}).
     */
    public List<Comment> comments(long surveyId, String field, boolean uncodedOnly, int page, int pageSize) {
        String f = field(surveyId, field);
        List<Comment> all = readComments(surveyId, f);
        Suggester suggester = new Suggester(all, themes(surveyId));
        return all.stream()
                .filter(c -> !uncodedOnly || c.themes().isEmpty())
                .skip((long) Math.max(0, page - 1) * pageSize)
                .limit(pageSize)
                .map(c -> c.themes().isEmpty()
                        ? new Comment(c.responseId(), c.text(), c.themes(), suggester.suggest(c.text()))
                        : c)
                .toList();
    }

    /** How many comments one text field has, or how many of them carry no theme yet. */
    public int commentCount(long surveyId, String field, boolean uncodedOnly) {
        String f = field(surveyId, field);
        return jdbc.sql("""
                        select count(*) from survey_response r
                         where r.survey_id = :survey and r.texts ->> :field is not null
                           and (not :uncoded or not exists (
                                select 1 from survey_coding c where c.response_id = r.id and c.field = :field))""" + surveys.release(surveyId).keeps("r"))
                .param("survey", surveyId)
                .param("field", f)
                .param("uncoded", uncodedOnly)
                .query(Integer.class)
                .single();
    }

    private List<Comment> readComments(long surveyId, String field) {
        Release release = surveys.release(surveyId);
        Map<UUID, List<Long>> codes = new HashMap<>();
        jdbc.sql("""
                        select r.public_id, c.theme_id from survey_coding c join survey_response r on r.id = c.response_id
                         where r.survey_id = :survey and c.field = :field""")
                .param("survey", surveyId)
                .param("field", field)
                .query((rs, n) -> codes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return jdbc.sql("""
                        select r.public_id, r.texts ->> :field as text from survey_response r
                         where r.survey_id = :survey and r.texts ->> :field is not null""" + release.keeps("r") + " order by " + release.order("r"))
                .param("survey", surveyId)
                .param("field", field)
                .query((rs, n) -> new Comment(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        codes.getOrDefault(rs.getObject(1, UUID.class), List.of()),
                        null))
                .list();
    }

    /** A response's public id as given in a path or form; anything else names no response (404). */
    static UUID responseId(String given) {
        try {
            return UUID.fromString(given == null ? "" : given.trim());
        } catch (IllegalArgumentException e) {
            throw new NotFound("No response " + given + " in this survey");
        }
    }

    /** Sets the themes one comment carries, replacing any it had. */
    @Transactional
    public void code(long surveyId, UUID publicId, @Nullable String field, Collection<Long> themeIds) {
        String f = field(surveyId, field);
        Set<Long> known = new HashSet<>(themes(surveyId).stream().map(Theme::id).toList());
        List<Problem> problems = new ArrayList<>();
        for (Long t : themeIds) {
            if (!known.contains(t)) {
                problems.add(Problem.of("themes", "The codebook has no theme " + t));
            }
        }
        long responseId = jdbc.sql("""
                        select id from survey_response where public_id = :id and survey_id = :survey
                           and texts ->> :field is not null""")
                .param("id", publicId)
                .param("survey", surveyId)
                .param("field", f)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("No comment " + f + " on response " + publicId + " of this survey"));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<Long> before = jdbc.sql(
                        "select theme_id from survey_coding where response_id = :id and field = :field order by 1")
                .param("id", responseId)
                .param("field", f)
                .query(Long.class)
                .list();
        jdbc.sql("delete from survey_coding where response_id = :id and field = :field")
                .param("id", responseId)
                .param("field", f)
                .update();
        for (Long t : new HashSet<>(themeIds)) {
            jdbc.sql("""
                            insert into survey_coding (ics_id, response_id, field, theme_id)
                            select r.ics_id, r.id, :field, :theme from survey_response r where r.id = :id""")
                    .param("id", responseId)
                    .param("field", f)
                    .param("theme", t)
                    .update();
        }
        audit.record(
                "survey.comment_coded",
                "survey_response",
                publicId,
                Map.of("field", f, "themes", before),
                Map.of("field", f, "themes", themeIds.stream().sorted().toList()));
    }

    public record ThemeCounts(
            String field,
            @JsonProperty("by") @Nullable String by,
            List<String> groups,
            @JsonProperty("group_sizes") List<Integer> groupSizes,
            List<Row> themes,
            @Nullable String note) {

        /** A theme's count in each group shown, null where it is hidden. */
        public record Row(String theme, List<@Nullable Integer> counts) {}
    }

    /**
     * How many comments in a field carry each theme, overall or broken down by the answers to a
     * closed question. Groups with fewer respondents than the privacy threshold are left out, and
     * within a breakdown so are a theme's small counts (see {@link #hideSmallThemeCounts}).
     */
    public ThemeCounts counts(long surveyId, @Nullable String field, @Nullable String byQuestion) {
        String f = field(surveyId, field);
        SurveyDefinition definition = surveys.survey(surveyId).definition();
        List<Theme> themes = themes(surveyId);
        Map<Long, Integer> themeRow = new LinkedHashMap<>();
        for (int i = 0; i < themes.size(); i++) {
            themeRow.put(themes.get(i).id(), i);
        }
        List<String> groups = new ArrayList<>();
        Question by = null;
        int position = -1;
        if (byQuestion != null && !byQuestion.isBlank()) {
            position = definition.position(byQuestion.trim());
            if (position < 0
                    || !definition.questions().get(position).questionType().isClosed()) {
                throw new InvalidInput("by", "Break down by a question with options; '" + byQuestion + "' is not one");
            }
            by = definition.questions().get(position);
            groups.addAll(by.choices());
        } else {
            groups.add("All");
        }
        if (definition.keepsRespondentsAnonymous() && surveys.responseCount(surveyId) < smallNumbers.minGroupSize()) {
            return new ThemeCounts(
                    f,
                    by == null ? null : by.code(),
                    List.of(),
                    List.of(),
                    List.of(),
                    "This anonymous survey has fewer than " + smallNumbers.minGroupSize()
                            + " responses, so no counts are shown yet, to protect respondents");
        }
        int[][] counts = new int[themes.size()][groups.size()];
        int[] sizes = new int[groups.size()];
        Question byQ = by;
        int at = position;
        AnswerLayout layout = new AnswerLayout(definition);
        List<int[]> memberships = new ArrayList<>();
        jdbc.sql("""
                        select r.id, r.closed, array(select c.theme_id from survey_coding c
                                                      where c.response_id = r.id and c.field = :field) as themes
                          from survey_response r where r.survey_id = :survey and r.texts ->> :field is not null""" + surveys.release(surveyId).keeps("r"))
                .param("survey", surveyId)
                .param("field", f)
                .query(rs -> {
                    Integer[] stored = (Integer[]) rs.getArray(2).getArray();
                    int[] closed = new int[stored.length];
                    for (int i = 0; i < stored.length; i++) {
                        closed[i] = stored[i] == null ? 0 : stored[i];
                    }
                    Long[] coded = (Long[]) rs.getArray(3).getArray();
                    int[] in = new int[sizes.length];
                    int inGroups = 0;
                    for (int g = 0; g < sizes.length; g++) {
                        boolean inGroup = byQ == null || layout.chose(closed, at, g + 1);
                        if (!inGroup) {
                            continue;
                        }
                        in[inGroups++] = g;
                        sizes[g]++;
                        for (Long t : coded) {
                            Integer row = themeRow.get(t);
                            if (row != null) {
                                counts[row][g]++;
                            }
                        }
                    }
                    memberships.add(Arrays.copyOf(in, inGroups));
                });
        List<Integer> shown = new ArrayList<>();
        for (int g = 0; g < sizes.length; g++) {
            if (by == null || sizes[g] == 0 || !smallNumbers.hides(sizes[g])) {
                shown.add(g);
            }
        }
        long rest = 0;
        if (by != null) {
            rest = hideUntilTheRestIsLarge(shown, sizes, memberships);
        }
        List<ThemeCounts.Row> rows = new ArrayList<>();
        boolean anyHidden = false;
        for (int t = 0; t < themes.size(); t++) {
            int[] row = counts[t];
            List<@Nullable Integer> cells =
                    new ArrayList<>(shown.stream().map(g -> (Integer) row[g]).toList());
            if (by != null) {
                anyHidden |=
                        hideSmallThemeCounts(cells, shown, sizes, rest == 0 || by.questionType() == QuestionType.MULTI);
            }
            rows.add(new ThemeCounts.Row(themes.get(t).name(), cells));
        }
        List<String> notes = new ArrayList<>();
        if (shown.size() < groups.size()) {
            notes.add("Groups with fewer than " + smallNumbers.minGroupSize()
                    + " commenters are hidden, and so is any group that would let them be worked out");
        }
        if (anyHidden) {
            notes.add("A theme on fewer than " + smallNumbers.minGroupSize() + " of a group's comments, or on all"
                    + " but fewer than " + smallNumbers.minGroupSize() + ", is hidden, and so is another count"
                    + " of that theme wherever the hidden one could be worked out from its count for everyone");
        }
        String note = notes.isEmpty() ? null : String.join(". ", notes) + ".";
        return new ThemeCounts(
                f,
                by == null ? null : by.code(),
                shown.stream().map(groups::get).toList(),
                shown.stream().map(g -> sizes[g]).toList(),
                rows,
                note);
    }

    /**
     * Hides a theme's counts within a breakdown that would tie a few comments to their writers'
     * answer. Whoever codes can tag one comment with a theme of its own; a count of 1 in a group
     * would then say how its writer answered the question, and through further breakdowns the rest
     * of their answers. So a count of 1 to k−1 is hidden, and so is a count that leaves 1 to k−1 of
     * the group's comments without the theme (tagging all but one comment works the same way).
     *
     * <p>The theme's count for everyone is shown too. Where the shown groups hold every commenter
     * ({@code summed}), or may overlap (several answers allowed), a single hidden count could be
     * worked out from it, so the smallest other count is hidden as well. Otherwise what the shown
     * counts leave over is shared with at least k commenters in no shown group, and says nothing.
     *
     * @param cells the theme's count in each shown group, set to null where hidden
     * @return whether any count was hidden
     */
    private boolean hideSmallThemeCounts(
            List<@Nullable Integer> cells, List<Integer> shown, int[] sizes, boolean summed) {
        int hidden = 0;
        for (int i = 0; i < cells.size(); i++) {
            Integer count = cells.get(i);
            if (count != null && smallNumbers.hidesShare(count, sizes[shown.get(i)])) {
                cells.set(i, null);
                hidden++;
            }
        }
        if (hidden == 1 && summed) {
            int second = -1;
            for (int i = 0; i < cells.size(); i++) {
                Integer count = cells.get(i);
                // an empty group's 0 is known from its size, so hiding it would hide nothing
                if (count != null && sizes[shown.get(i)] > 0 && (second < 0 || count < cells.get(second))) {
                    second = i;
                }
            }
            if (second >= 0) {
                cells.set(second, null);
            }
        }
        return hidden > 0;
    }

    /**
     * The counts without a breakdown are shown too, so whatever the shown groups leave over (the
     * hidden groups and those who did not answer the question) can be worked out by subtraction. When
     * that remainder is a small group, the smallest shown groups are hidden as well until it is not.
     * Groups overlap when the question takes several answers, so the remainder is counted in people,
     * not by adding group sizes, and kept up to date as each group is hidden: one pass over each
     * commenter's answers, however many groups there are.
     *
     * @param memberships for each commenter, the groups they are in
     * @return how many commenters are in no shown group
     */
    private long hideUntilTheRestIsLarge(List<Integer> shown, int[] sizes, List<int[]> memberships) {
        boolean[] isShown = new boolean[sizes.length];
        shown.forEach(g -> isShown[g] = true);
        int[][] members = new int[sizes.length][];
        int[] filled = new int[sizes.length];
        for (int g = 0; g < sizes.length; g++) {
            members[g] = new int[sizes[g]];
        }
        int[] shownGroupsIn = new int[memberships.size()];
        long rest = 0;
        for (int person = 0; person < memberships.size(); person++) {
            for (int g : memberships.get(person)) {
                members[g][filled[g]++] = person;
                if (isShown[g]) {
                    shownGroupsIn[person]++;
                }
            }
            if (shownGroupsIn[person] == 0) {
                rest++;
            }
        }
        while (smallNumbers.hides(rest)) {
            Integer smallest = shown.stream()
                    .filter(g -> sizes[g] > 0)
                    .min(Comparator.comparingInt((Integer g) -> sizes[g]).thenComparing(g -> -g))
                    .orElse(null);
            if (smallest == null) {
                return rest;
            }
            shown.remove(smallest);
            for (int person : members[smallest]) {
                if (--shownGroupsIn[person] == 0) {
                    rest++;
                }
            }
        }
        return rest;
    }

    /** Words that say little about a theme. */
    private static final Set<String> STOP = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "i", "in", "is", "it",
            "its", "of", "on", "or", "that", "the", "their", "there", "this", "to", "was", "we", "were", "will", "with",
            "our", "not", "all", "more", "can", "should", "would", "they", "them", "us", "you", "my", "me", "so", "if",
            "than", "which", "who", "what", "very", "also", "need");

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2 && !STOP.contains(w)) {
                words.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return words;
    }

    /**
     * Suggests, for an uncoded comment, the theme whose coded comments (and name and description)
     * its words are most like: cosine similarity of TF-IDF vectors, above a modest threshold.
     */
    static final class Suggester {

        private static final double THRESHOLD = 0.12;
        private final Map<String, Double> idf = new HashMap<>();
        private final Map<Long, Map<String, Double>> centroids = new HashMap<>();

        Suggester(List<Comment> comments, List<Theme> themes) {
            Map<String, Integer> documents = new HashMap<>();
            for (Comment c : comments) {
                for (String w : new HashSet<>(words(c.text()))) {
                    documents.merge(w, 1, Integer::sum);
                }
            }
            int n = Math.max(1, comments.size());
            documents.forEach((w, d) -> idf.put(w, Math.log((1.0 + n) / (1.0 + d)) + 1));
            Map<Long, Map<String, Double>> sums = new HashMap<>();
            for (Theme t : themes) {
                // a theme's own words seed it, so it can be suggested before anything is coded with it
                sums.put(t.id(), vector(t.name() + " " + (t.description() == null ? "" : t.description())));
            }
            for (Comment c : comments) {
                for (Long t : c.themes()) {
                    Map<String, Double> v = vector(c.text());
                    Map<String, Double> sum = sums.computeIfAbsent(t, k -> new HashMap<>());
                    v.forEach((w, x) -> sum.merge(w, x, Double::sum));
                }
            }
            sums.forEach((t, v) -> centroids.put(t, normalise(v)));
        }

        private Map<String, Double> vector(String text) {
            Map<String, Double> v = new HashMap<>();
            for (String w : words(text)) {
                v.merge(w, idf.getOrDefault(w, 1.0), Double::sum);
            }
            return normalise(v);
        }

        private static Map<String, Double> normalise(Map<String, Double> v) {
            double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
            if (norm > 0) {
                v.replaceAll((w, x) -> x / norm);
            }
            return v;
        }

        @Nullable
        Long suggest(String text) {
            Map<String, Double> v = vector(text);
            Long best = null;
            double bestScore = THRESHOLD;
            for (Map.Entry<Long, Map<String, Double>> c : centroids.entrySet()) {
                double score = 0;
                for (Map.Entry<String, Double> e : v.entrySet()) {
                    score += e.getValue() * c.getValue().getOrDefault(e.getKey(), 0.0);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c.getKey();
                }
            }
            return best;
        }
    }

    /**
     * Words that recur in comments no theme covers yet: candidates for new themes, most frequent
     * first, each with how many uncoded comments use it.
     */
    public List<Map.Entry<String, Integer>> emergingWords(long surveyId, String field, int limit) {
        String f = field(surveyId, field);
        List<Comment> all = readComments(surveyId, f);
        Set<String> themeWords = new HashSet<>();
        themes(surveyId)
                .forEach(t ->
                        themeWords.addAll(words(t.name() + " " + (t.description() == null ? "" : t.description()))));
        Map<String, Integer> counts = new HashMap<>();
        for (Comment c : all) {
            if (c.themes().isEmpty()) {
                for (String w : new HashSet<>(words(c.text()))) {
                    if (!themeWords.contains(w)) {
                        counts.merge(w, 1, Integer::sum);
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .toList();
    }
}
