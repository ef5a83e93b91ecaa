package org.goldenthread.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit page's words for a change: what happened, and the fields it set, changed or removed. */
class DescribedTest {

    @Test
    void anActionReadsAsWordsWithItsRecordNamedWhenTheCodeIsABareVerb() {
        assertThat(Described.what("survey.theme_added", "survey_theme")).isEqualTo("Survey theme added");
        assertThat(Described.what("ics.min_group_size_changed", "ics")).isEqualTo("ICS min group size changed");
        assertThat(Described.what("create", "engagement_event")).isEqualTo("Engagement event created");
        assertThat(Described.what("withdraw", "engagement_feedback_page"))
                .isEqualTo("Engagement feedback page withdrawn");
        assertThat(Described.what("delete", null)).isEqualTo("Deleted");
        assertThat(Described.what("action.status", "assessment_action")).isEqualTo("Action status changed");
        assertThat(Described.what("status", "improvement_idea")).isEqualTo("Improvement idea status changed");
        // a verb the list does not know still reads as words
        assertThat(Described.what("re_open", "cycle")).isEqualTo("Cycle re open");
    }

    @Test
    void aNewRecordListsEveryFieldItSetAndNotThoseLeftEmpty() {
        assertThat(Described.changes(null, """
                        {"id": 3, "name": "Pharmacy", "places": ["Northmoor", "Eastwold"], "forums": [], "active": true,
                         "criteria": {"levels": ["place"]}, "owner": null}"""))
                .isEqualTo("id: 3\nname: Pharmacy\nplaces: Northmoor, Eastwold\nactive: yes\n"
                        + "criteria: {\"levels\":[\"place\"]}");
    }

    @Test
    void aChangedRecordListsOnlyWhatChangedWithItsOldAndNewValue() {
        assertThat(Described.changes("""
                        {"id": 1, "status": "open", "due_on": "2026-12-16", "themes": []}""", """
                        {"id": 1, "status": "done", "due_on": "2026-12-16", "themes": [7], "done_on": "2026-12-01"}"""))
                .isEqualTo("status: open \u2192 done\nthemes: none \u2192 7\ndone on: 2026-12-01");
        assertThat(Described.changes("{\"id\": 1}", "{\"id\": 1}")).isEqualTo("No field changed");
        // records kept with Java's names read the same way
        assertThat(Described.changes(
                        "{\"odsCode\": \"ZNV\", \"mergedAt\": null}", "{\"odsCode\": \"QWE\", \"mergedAt\": null}"))
                .isEqualTo("ODS code: ZNV \u2192 QWE");
    }

    @Test
    void aRemovedRecordListsWhatItHeldAndAPlainValueShowsAsItself() {
        assertThat(Described.changes("{\"name\": \"Sam Idowu\", \"kind\": \"student\", \"note\": null}", null))
                .isEqualTo("name: Sam Idowu (removed)\nkind: student (removed)");
        assertThat(Described.changes("\"invited\"", "\"attended\"")).isEqualTo("invited \u2192 attended");
        assertThat(Described.changes(null, "12")).isEqualTo("12");
        assertThat(Described.changes(null, null)).isEmpty();
    }
}
