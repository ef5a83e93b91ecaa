package org.goldenthread.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who holds a seat is the register's to tell. A forum page names a seat's holder only to those whose
 * register reaches the forum's place (ICS admins, and place leads in their places); everyone else
 * sees whether each seat is held and since when, or else walking every forum would rebuild the
 * appointments the register refuses them.
 *
 * <p>In the small register Eve Ford sits on the Northfield Place Board, Gus Hale on the Southvale
 * East Team, and Cara Dunn on the ICS Board, which belongs to no place.
 */
class SeatHoldersTest extends IntegrationTest {

    private String ods;
    private String admin;

    @BeforeEach
    void anIcsWithItsRegister() {
        ods = createIcs("Seat holders ICS");
        admin = createUser("ics_admin", ods);
        RegisterFixture.loadSmallRegister(api, tokenFor(admin), ods);
    }

    private String forumPage(String email, String forum) {
        long id = -1;
        for (JsonNode f :
                api.get("/api/v1/ics/" + ods + "/forums", tokenFor(admin)).json()) {
            if (f.get("name").asString().equals(forum)) {
                id = f.get("id").asLong();
            }
        }
        PageClient.Page page = new PageClient(port).signIn(email, PASSWORD).get("/ics/" + ods + "/forums/" + id);
        assertThat(page.status()).as(forum).isEqualTo(200);
        return page.body();
    }

    @Test
    void analystsAndMembersSeeWhetherSeatsAreHeldButNotByWhom() {
        for (String role : new String[] {"analyst", "member"}) {
            String email = createUser(role, ods);
            String board = forumPage(email, "Northfield Place Board");
            assertThat(board)
                    .as(role)
                    .doesNotContain("Eve Ford")
                    .doesNotContain("Asha Reed")
                    .doesNotContain("Social worker")
                    .contains("Held since")
                    .contains("Vacant");
            assertThat(forumPage(email, "ICS Board")).as(role).doesNotContain("Cara Dunn");
        }
        assertThat(forumPage(admin, "Northfield Place Board")).contains("Eve Ford");
        assertThat(forumPage(admin, "ICS Board")).contains("Cara Dunn");
    }

    @Test
    void aPlaceLeadSeesWhoHoldsTheSeatsOfTheirPlacesOnly() {
        String northfield = createUser("place_lead", ods, "Northfield");
        assertThat(forumPage(northfield, "Northfield Place Board")).contains("Eve Ford");
        assertThat(forumPage(northfield, "Northfield Central Team")).contains("Fay Gale");
        assertThat(forumPage(northfield, "Southvale East Team"))
                .doesNotContain("Gus Hale")
                .contains("Held since");
        assertThat(forumPage(northfield, "ICS Board"))
                .as("a forum of no place is in no place lead's register")
                .doesNotContain("Cara Dunn");

        String southvale = createUser("place_lead", ods, "Southvale");
        assertThat(forumPage(southvale, "Southvale East Team")).contains("Gus Hale");
        assertThat(forumPage(southvale, "Northfield Place Board")).doesNotContain("Eve Ford");
    }
}
