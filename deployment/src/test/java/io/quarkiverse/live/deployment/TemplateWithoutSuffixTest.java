package io.quarkiverse.live.deployment;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @Live(template = "cards/plain")} finds {@code templates/cards/plain.html}, as Qute's own lookups would.
 */
public class TemplateWithoutSuffixTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Card.class)
                    .addAsResource(new StringAsset("<p>card {n}</p>"), "templates/cards/plain.html"));

    @Test
    void theSuffixIsOptional() {
        get("/card").then().statusCode(200).body(containsString("card 3"));
    }

    @Live(path = "/card", template = "cards/plain")
    static class Card {
        int n = 3;
    }
}
