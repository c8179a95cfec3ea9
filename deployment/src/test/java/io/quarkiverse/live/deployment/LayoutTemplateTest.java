package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application's {@code templates/live/layout.html} wraps every page component; the component's HTML is not escaped
 * a second time.
 */
public class LayoutTemplateTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(InLayout.class)
                    .addAsResource(new StringAsset("<p class=\"inner\">{text}</p>"), "templates/InLayout.html")
                    .addAsResource(new StringAsset("""
                            <!DOCTYPE html>
                            <html><head><title>My app: {title}</title></head>
                            <body class="my-layout">{content}</body></html>
                            """), "templates/live/layout.html"));

    @Test
    void pageIsWrappedInTheLayout() {
        when().get("/in-layout")
                .then().statusCode(200)
                .body(containsString("<title>My app: InLayout</title>"))
                .body(containsString("<body class=\"my-layout\"><p data-live-component=\"InLayout\""))
                .body(containsString("class=\"inner\">1 &lt; 2</p>"))
                .body(matchesPattern(
                        "(?s).*</p><script type=\"module\" src=\"/_live/runtime\\.js(\\?v=[0-9a-f]+)?\"></script></body>.*"))
                .body(not(containsString("&lt;p")));
    }

    @Live(path = "/in-layout")
    static class InLayout {
        String text = "1 < 2";
    }
}
