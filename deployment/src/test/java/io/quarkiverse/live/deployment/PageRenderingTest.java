package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @Live(path = ...)} serves the component as a page: complete HTML, its root marked for the runtime, the event
 * attributes rewritten, and the runtime script included.
 */
public class PageRenderingTest {

    static final Pattern LIVE_ID = Pattern.compile("data-live-id=\"([A-Za-z0-9_-]{16,})\"");
    static final String SCRIPT_TAG = "(?s).*<script type=\"module\" src=\"/_live/runtime\\.js(\\?v=[0-9a-f]+)?\"></script>.*";

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(PageCounter.class)
                    .addAsResource(new StringAsset("""
                            <div class="counter">
                              <span class="count">{count}</span> <em>{name}</em>
                              <button @click="inc">+</button>
                              <button @click.prevent="add(2)">+2</button>
                              <button data-live-click="inc">also +</button>
                            </div>
                            """), "templates/PageCounter.html"));

    @Test
    void pageIsTheRenderedComponent() {
        String html = when().get("/p")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("<div data-live-component=\"PageCounter\" data-live-id=\""))
                .body(containsString("class=\"counter\""))
                .body(containsString("<span class=\"count\">0</span>"))
                .body(matchesPattern(SCRIPT_TAG))
                .extract().asString();
        assertTrue(LIVE_ID.matcher(html).find(), html);
    }

    @Test
    void eventAttributesAreRewritten() {
        when().get("/p")
                .then().statusCode(200)
                // Each button also names its call for a browser without JavaScript (NoScriptFormsTest)
                .body(containsString("<button data-live-click=\"inc\" name=\"_live_call\" value=\"inc\" form=\"live-"))
                .body(containsString("<button data-live-click.prevent=\"add(2)\" name=\"_live_call\" value=\"add(2)\""))
                .body(containsString("\">also +</button>"))
                .body(not(containsString("@click")));
    }

    @Test
    void stateIsEscaped() {
        when().get("/p")
                .then().statusCode(200)
                .body(containsString("<em>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</em>"))
                .body(not(containsString("<b>Tom")));
    }

    @Test
    void everyRequestMountsANewComponent() {
        String first = when().get("/p").then().statusCode(200).extract().asString();
        String second = when().get("/p").then().statusCode(200).extract().asString();
        Matcher a = LIVE_ID.matcher(first);
        Matcher b = LIVE_ID.matcher(second);
        assertTrue(a.find(), first);
        assertTrue(b.find(), second);
        assertNotEquals(a.group(1), b.group(1));
    }

    @Test
    void onlyThePagePathIsServed() {
        when().get("/p/other").then().statusCode(404);
        given().when().get("/PageCounter").then().statusCode(404);
        // the script appears once: a page never loads the runtime twice
        String html = when().get("/p").then().statusCode(200).extract().asString();
        assertEquals(1, html.split("/_live/runtime\\.js", -1).length - 1, html);
    }

    @Live(path = "/p")
    static class PageCounter {

        int count;
        String name = "<b>Tom & Jerry</b>";

        void inc() {
            count++;
        }

        void add(int n) {
            count += n;
        }
    }
}
