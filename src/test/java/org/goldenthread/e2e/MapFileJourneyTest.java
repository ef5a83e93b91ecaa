package org.goldenthread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * An ICS administrator sets up the map of a new ICS from one file: a first try with mistakes changes
 * nothing and lists them by row and column; the corrected file adds every row, and the map downloads in
 * the same form.
 */
class MapFileJourneyTest extends BrowserTest {

    @Test
    void anIcsAdministratorImportsTheMapFromAFileAndDownloadsIt() throws Exception {
        String ods = createIcs("Map Journey ICS");
        signIn(createUser("ics_admin", ods), PASSWORD);
        page.navigate(url("/ics/" + ods + "/map"));
        expectHeading("ICS map");
        click(AriaRole.LINK, "Import a map file");
        expectHeading("Import a map file");
        assertAccessible();

        String header = "kind,name,place,local_authority,ods_code,sector,population\n";
        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "map.csv",
                        "text/csv",
                        (header + "place,Riverside,,Riverside Council,,,210000\n"
                                        + "neighbourhood,Weir PCN,Riverdale,,,,\n"
                                        + "organisation,Weir Surgery,Riverside,,,surgery,\n")
                                .getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.locator("#problems")).containsText("Problems in map.csv");
        assertThat(page.locator("main")).containsText("This ICS has no place called 'Riverdale'");
        assertThat(page.locator("main")).containsText("\"surgery\" is not a sector");
        assertAccessible();

        page.locator("#file")
                .setInputFiles(new FilePayload(
                        "map.csv",
                        "text/csv",
                        (header + "place,Riverside,,Riverside Council,,,210000\n"
                                        + "neighbourhood,Weir PCN,Riverside,,,,\n"
                                        + "organisation,Weir Surgery,Riverside,,,general_practice,\n")
                                .getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Import");
        assertThat(page.locator("#imported")).containsText("map.csv: 3 rows read; 3 added, 0 changed");
        assertAccessible();

        click(AriaRole.LINK, "See the map");
        expectHeading("ICS map");
        assertThat(page.locator("#neighbourhoods ~ div table")).containsText("Weir PCN");
        Download download = page.waitForDownload(() -> click(AriaRole.LINK, "Download the map (CSV)"));
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv)
                .isEqualTo("kind,name,place,local_authority,ods_code,sector,population\r\n"
                        + "place,Riverside,,Riverside Council,,,210000\r\n"
                        + "neighbourhood,Weir PCN,Riverside,,,,\r\n"
                        + "organisation,Weir Surgery,Riverside,,,general_practice,\r\n");
        assertAccessible();
    }
}
