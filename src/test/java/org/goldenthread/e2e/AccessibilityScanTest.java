package org.goldenthread.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;

/**
 * The scan every journey relies on, shown to fail where it should: a page with faults a person
 * using a screen reader or low vision would meet is refused, naming each fault, and a sound page
 * passes. Without this, a scan that quietly checked nothing would let every journey pass.
 */
class AccessibilityScanTest extends BrowserTest {

    private static final String FAULTY = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Faulty</title></head>
            <body><main>
              <h1>Faulty page</h1>
              <img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/%3E">
              <form><input type="text" name="surname"></form>
              <p style="color:#bbbbbb;background:#ffffff">Grey text on white that few can read</p>
            </main></body></html>""";

    private static final String SOUND = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sound</title></head>
            <body><main>
              <h1>Sound page</h1>
              <img alt="A small square" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/%3E">
              <form><label for="surname">Surname</label><input type="text" id="surname" name="surname"></form>
              <p style="color:#212b32;background:#ffffff">Dark text on white</p>
            </main></body></html>""";

    private void show(String html) {
        String address = url("/scan-check");
        page.route(
                address,
                route -> route.fulfill(new Route.FulfillOptions()
                        .setContentType("text/html; charset=utf-8")
                        .setBody(html)));
        page.navigate(address);
    }

    @Test
    void aPageWithFaultsIsRefusedNamingEachFault() {
        show(FAULTY);
        assertThatThrownBy(this::assertAccessible)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label")
                .hasMessageContaining("color-contrast");
    }

    @Test
    void aSoundPagePasses() {
        show(SOUND);
        assertAccessible();
        assertThat(page.title()).isEqualTo("Sound");
    }

    @Test
    void aPageWithoutScriptsIsScannedAsThePhoneShowsIt() {
        newPhoneWithoutJavaScript();
        show(FAULTY);
        assertThatThrownBy(this::scan).isInstanceOf(AssertionError.class).hasMessageContaining("image-alt");
    }
}
