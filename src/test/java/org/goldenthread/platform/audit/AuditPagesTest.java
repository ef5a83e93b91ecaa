package org.goldenthread.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.Test;

/** The audit log a page at a time: short pages for reading on a phone, longer ones for the API. */
class AuditPagesTest extends IntegrationTest {

    private static final Pattern CREATED = Pattern.compile("<span>Place created</span>");

    @Test
    void thePageShowsTwentyFiveChangesAtATimeAndTheApiFifty() {
        String ods = createIcs("Audit Pages ICS");
        String email = createUser("ics_admin", ods);
        String token = tokenFor(email);
        for (int i = 1; i <= 60; i++) {
            ApiClient.Response added = api.post(
                    "/api/v1/ics/" + ods + "/places",
                    token,
                    ApiClient.json("name", "Place " + i, "local_authority", "Council " + i, "population", 1000));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        PageClient pages = new PageClient(port).signIn(email, PASSWORD);
        String path = "/ics/" + ods + "/audit?action=place.created";

        String newest = pages.get(path).body();
        assertThat(count(newest)).isEqualTo(25);
        // the filter names each kind of change in words, keeping its code as the value
        assertThat(newest)
                .containsPattern("<option value=\"place.created\"\\s+selected=\"selected\">Place created</option>");
        assertThat(newest).contains(name(60), name(36)).doesNotContain(name(35)).contains("Older");
        String third = pages.get(path + "&page=3").body();
        assertThat(count(third)).isEqualTo(10);
        assertThat(third)
                .contains(name(10), name(1))
                .doesNotContain(name(11))
                .contains("Newer")
                .doesNotContain("Older");

        assertThat(api.get("/api/v1/ics/" + ods + "/audit?action=place.created", token)
                        .json()
                        .size())
                .isEqualTo(50);
    }

    /** A place's name as the page shows it among the fields the change set. */
    private static String name(int place) {
        return "name: Place " + place + "\n";
    }

    private static int count(String page) {
        Matcher m = CREATED.matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
