package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.junit.jupiter.api.Test;

/**
 * Pages that take a file list its problems by row and column under a heading naming the file, the
 * same way on every page: the catalogue's and a programme's participants.
 */
class FileProblemsPageTest extends IntegrationTest {

    @Test
    void aRefusedCatalogueFileListsItsProblemsByRowAndColumn() {
        String ods = createIcs("File problems");
        String admin = createUser("ics_admin", ods);
        PageClient page = new PageClient(port).signIn(admin, PASSWORD);
        page.get("/ics/" + ods + "/development/catalogue");

        String csv = String.join(",", CatalogueFile.COLUMNS) + "\n"
                + "Good course,wizardry,A course.,Provider,national,,online,12,6,0,,,,,,,,,,,false\n";
        // the import runs as a job: a quick one's problems show at once, a slow one's on its page
        PageClient.Page refused = page.follow(
                page.upload("/ics/" + ods + "/development/catalogue/import", "offers.csv", "text/csv", csv));

        assertThat(refused.status()).isEqualTo(200);
        String body = refused.body();
        assertThat(body).contains("<h2 id=\"problems\">Problems in offers.csv</h2>");
        String table = body.substring(body.indexOf("<h2 id=\"problems\">"));
        assertThat(table).contains("<td class=\"nhsuk-table__cell\">2</td>").contains(">kind<");
        assertThat(page.get("/ics/" + ods + "/development/catalogue").body()).doesNotContain("Good course");
    }
}
