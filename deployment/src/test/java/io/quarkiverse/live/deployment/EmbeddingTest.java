package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code {#live Name prop=value /}} mounts a component inside any Qute template, sets its props and brings the runtime
 * script along; the rest of the page is left as written.
 */
public class EmbeddingTest {

    static final Pattern SCRIPT_TAG = Pattern
            .compile("<script type=\"module\" src=\"/_live/runtime\\.js(\\?v=[0-9a-f]+)?\"></script>");
    static final Pattern LIVE_ID = Pattern.compile("data-live-component=\"Embedded\" data-live-id=\"([A-Za-z0-9_-]+)\"");

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Embedded.class, LiveFailures.class)
                    .addAsResource(new StringAsset(
                            "<section><b>{count}</b> <i>{title}</i> <button @click=\"inc\">+</button></section>"),
                            "templates/Embedded.html")
                    .addAsResource(new StringAsset("""
                            <main>
                            <button @click="open = true">alpine</button>
                            {#live Embedded count=5 /}
                            {#live Embedded count=start title='Second' /}
                            </main>
                            """), "templates/home.html"));

    @Inject
    Template home;

    @Inject
    Engine engine;

    @Test
    void propsSetTheInitialState() {
        String html = home.data("start", 7).render();
        assertTrue(html.contains("<b>5</b> <i>untitled</i>"), html);
        assertTrue(html.contains("<b>7</b> <i>Second</i>"), html);
    }

    @Test
    void everyEmbeddedComponentIsMarkedWithItsOwnId() {
        String html = home.data("start", 1).render();
        List<String> ids = new ArrayList<>();
        Matcher matcher = LIVE_ID.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        assertEquals(2, ids.size(), html);
        assertNotEquals(ids.get(0), ids.get(1));
        assertTrue(html.contains("<section data-live-component=\"Embedded\""), html);
    }

    @Test
    void runtimeScriptComesWithTheComponent() {
        String html = home.data("start", 1).render();
        assertTrue(SCRIPT_TAG.matcher(html).find(), html);
    }

    @Test
    void onlyComponentTemplatesHaveTheirEventAttributesRewritten() {
        String html = home.data("start", 1).render();
        assertTrue(html.contains("<button data-live-click=\"inc\" name=\"_live_call\" value=\"inc\""), html);
        // an Alpine.js or Vue attribute in the page itself stays as written
        assertTrue(html.contains("<button @click=\"open = true\">alpine</button>"), html);
    }

    @Test
    void componentCanBeEmbeddedInATemplateParsedAtRunTime() {
        String html = engine.parse("<div>{#live Embedded count=3 /}</div>").render();
        assertTrue(html.startsWith("<div><section data-live-component=\"Embedded\""), html);
        assertTrue(html.contains("<b>3</b> <i>untitled</i>"), html);
        assertTrue(SCRIPT_TAG.matcher(html).find(), html);
    }

    @Test
    void unknownComponentFails() {
        Exception e = assertThrows(Exception.class, () -> engine.parse("{#live Nope /}").render());
        String messages = LiveFailures.allMessages(e);
        assertTrue(messages.contains("No live component named 'Nope'"), messages);
    }

    @Test
    void unknownPropFails() {
        Exception e = assertThrows(Exception.class, () -> engine.parse("{#live Embedded colour=1 /}").render());
        String messages = LiveFailures.allMessages(e);
        assertTrue(messages.contains("Embedded has no field 'colour'"), messages);
    }

    @Test
    void propOfTheWrongTypeFails() {
        Exception e = assertThrows(Exception.class, () -> engine.parse("{#live Embedded count='many' /}").render());
        String messages = LiveFailures.allMessages(e);
        assertTrue(messages.contains("Prop count of Embedded"), messages);
    }

    @Live
    static class Embedded {

        int count;
        String title = "untitled";

        void inc() {
            count++;
        }
    }
}
