package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkus.qute.Engine;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @Live(template = ...)} names the component's template instead of {@code <SimpleClassName>.html}.
 */
public class TemplateOverrideTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Overridden.class, Slashed.class)
                    .addAsResource(new StringAsset("<article>override {count} <button @click=\"inc\">+</button></article>"),
                            "templates/other/name.html")
                    .addAsResource(new StringAsset("<aside>slashed {label}</aside>"), "templates/other/slashed.html")
                    // a template with the default name exists too, and must not be used
                    .addAsResource(new StringAsset("<p>default template</p>"), "templates/Overridden.html"));

    @Inject
    LiveComponents components;

    @Inject
    Engine engine;

    @Test
    void bindingNamesTheOverride() {
        assertEquals("other/name.html", components.find("Overridden").templateId());
        // a leading slash means the same template
        assertEquals("other/slashed.html", components.find("Slashed").templateId());
    }

    @Test
    void pageRendersTheOverride() {
        when().get("/overridden")
                .then().statusCode(200)
                .body(containsString("<article data-live-component=\"Overridden\""))
                .body(containsString(">override 0 <button data-live-click=\"inc\" name=\"_live_call\" value=\"inc\""))
                .body(not(containsString("default template")));
    }

    @Test
    void embeddingRendersTheOverride() {
        String html = engine.parse("{#live Slashed label='x' /}").render();
        assertTrue(html.startsWith("<aside data-live-component=\"Slashed\""), html);
        assertTrue(html.contains(">slashed x</aside>"), html);
    }

    @Live(path = "/overridden", template = "other/name.html")
    static class Overridden {

        int count;

        void inc() {
            count++;
        }
    }

    @Live(template = "/other/slashed.html")
    static class Slashed {
        String label;
    }
}
