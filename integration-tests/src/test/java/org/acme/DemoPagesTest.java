package org.acme;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The first paint of the demo pages over plain HTTP: what a browser receives before any script runs. These need no
 * WebSocket and no handler, so they hold whatever thread the engine runs handlers on.
 */
@QuarkusTest
class DemoPagesTest {

    @Test
    void guestBookShowsItsFormWithLabelsAndEmptyErrors() {
        get("/guestbook").then().statusCode(200)
                .body(containsString("data-live-component=\"GuestBook\""))
                .body(containsString("<title>GuestBook - Quarkus Live demo</title>"))
                .body(containsString("data-live-submit=\"sign([&quot;signature&quot;])\""))
                .body(containsString("<label for=\"guestbook-name\">Name</label>"))
                .body(containsString("<input id=\"guestbook-name\" name=\"name\""))
                .body(containsString("<label for=\"guestbook-message\">Message"))
                .body(containsString("<textarea id=\"guestbook-message\" name=\"message\""))
                .body(containsString("<span class=\"error\" id=\"error-name\"></span>"))
                .body(containsString("<span class=\"error\" id=\"error-message\"></span>"))
                // The first paint comes before onMount(), which reads the database
                .body(containsString("Loading the entries"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/demo.css\">"));
    }

    @Test
    void bigTableShowsItsThousandRowsEachWithABumpButton() {
        get("/big-table").then().statusCode(200)
                .body(containsString("data-live-component=\"BigTable\""))
                .body(containsString("<title>BigTable - Quarkus Live demo</title>"))
                .body(containsString("<td>Item 0</td>"))
                .body(containsString("<td>Item 999</td>"))
                .body(containsString("data-live-click=\"bump(999)\""));
    }

    @Test
    void chatAsksForANameFirstAndShowsWhoIsHere() {
        get("/chat").then().statusCode(200)
                .body(containsString("data-live-component=\"Chat\""))
                .body(containsString("<title>Chat - Quarkus Live demo</title>"))
                .body(containsString("data-live-submit=\"enter([&quot;name&quot;])\""))
                .body(containsString("<label for=\"chat-name\">Your name</label>"))
                .body(containsString("<input id=\"chat-name\" name=\"name\""))
                .body(containsString("<span class=\"error\" id=\"error-name\"></span>"))
                .body(containsString("<h3>Here now</h3>"))
                // No form to send before the user has a name
                .body(not(containsString("data-live-submit=\"send([&quot;text&quot;])\"")));
    }

    @Test
    void dashboardShowsTheDayPickerAndTheRefreshButton() {
        get("/dashboard").then().statusCode(200)
                .body(containsString("data-live-component=\"Dashboard\""))
                .body(containsString("<label for=\"dashboard-day\">Day"))
                .body(containsString("type=\"date\""))
                .body(containsString("data-live-change=\"pick([&quot;value&quot;])\""))
                .body(containsString("<span class=\"error\" id=\"error-day\"></span>"))
                .body(containsString("data-live-click=\"refresh\""))
                .body(containsString("id=\"showing\">Showing "));
    }

    @Test
    void panelStartsWithoutItsTally() {
        get("/panel").then().statusCode(200)
                .body(containsString("data-live-component=\"Panel\""))
                .body(containsString("<span class=\"renders\">0</span>"))
                .body(containsString("Show the tally"))
                .body(not(containsString("data-live-component=\"Tally\"")));
    }

    @Test
    void htmxPageLoadsHtmxFromTheApplication() {
        String html = get("/htmx").then().statusCode(200)
                .body(containsString("hx-get=\"/htmx/tally\""))
                .body(containsString("hx-target=\"#slot\""))
                .body(containsString("<div id=\"slot\"></div>"))
                // A plain page: no component yet, so no runtime either
                .body(not(containsString("data-live-component")))
                .extract().asString();
        Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
        assertTrue(script.find(), html);
        String src = script.group(1);
        assertTrue(src.startsWith("/webjars/htmx.org/2."), "htmx 2 from the webjar, not from the internet: " + src);
        get(src).then().statusCode(200).body(containsString("htmx"));
        assertEquals(-1, html.indexOf("http://"), "the page fetches nothing from elsewhere");
        assertEquals(-1, html.indexOf("https://"), "the page fetches nothing from elsewhere");
    }

    @Test
    void htmxFragmentMountsATally() {
        String html = get("/htmx/tally").then().statusCode(200)
                .body(containsString("data-live-component=\"Tally\""))
                .body(containsString("<output class=\"tally-count\">0</output>"))
                .body(containsString("data-live-click=\"increment\""))
                // The runtime's script comes with the component
                .body(containsString("/_live/runtime.js"))
                // A fragment, not a document
                .body(not(containsString("<html")))
                .extract().asString();
        assertEquals(1, LiveClient.componentIds(html).size(), html);
        String second = get("/htmx/tally").then().statusCode(200).extract().asString();
        assertTrue(!LiveClient.componentIds(html).get(0).equals(LiveClient.componentIds(second).get(0)),
                "each fragment mounts a tally of its own");
    }

    @Test
    void everyPageLinksTheStylesheet() {
        get("/demo.css").then().statusCode(200).body(containsString(".error"));
        get("/").then().statusCode(200)
                .body(containsString("<link rel=\"stylesheet\" href=\"/demo.css\">"))
                .body(containsString("href=\"/guestbook\""))
                .body(containsString("href=\"/chat\""))
                .body(containsString("href=\"/dashboard\""))
                .body(containsString("href=\"/panel\""))
                .body(containsString("href=\"/htmx\""))
                .body(containsString("href=\"/big-table\""));
        get("/counter").then().statusCode(200).body(containsString("<link rel=\"stylesheet\" href=\"/demo.css\">"));
    }
}
