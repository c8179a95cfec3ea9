package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.qute.Template;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A field Quarkus injects without {@code @Inject} ({@code @ConfigProperty}) is no state, just as an {@code @Inject}
 * field is not: it holds the configured value, a prop cannot set it, and a dev-mode restart does not bring an old value
 * back over a changed configuration.
 */
public class ConfigFieldTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Greeting.class)
                    .addAsResource(new StringAsset("<p>{word}, {name}!</p>"), "templates/Greeting.html")
                    .addAsResource(new StringAsset("{#live Greeting name='Ada' /}"), "templates/plain.html")
                    .addAsResource(new StringAsset("{#live Greeting word='Forged' /}"), "templates/forged.html")
                    .addAsResource(new StringAsset("greeting.word=Hello\n"), "application.properties"));

    @Inject
    Template plain;

    @Inject
    Template forged;

    @Test
    void theConfiguredValueShowsAndAPropCannotSetIt() {
        String html = plain.render();
        assertTrue(html.contains("Hello, Ada!"), html);
        Exception refused = assertThrows(Exception.class, forged::render);
        assertTrue(refused.getMessage().contains("'word'") && refused.getMessage().contains("[name]"),
                refused.getMessage());
    }

    @Live
    public static class Greeting {

        @ConfigProperty(name = "greeting.word")
        String word;

        String name = "nobody";

        /** A template reads what CDI filled through a method, as it would an {@code @Inject} bean's value. */
        String word() {
            return word;
        }
    }
}
