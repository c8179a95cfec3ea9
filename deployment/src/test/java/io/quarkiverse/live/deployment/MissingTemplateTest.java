package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A component without its template fails the build, naming the class and the file it expected.
 */
public class MissingTemplateTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(NoTemplate.class))
            .assertException(t -> LiveFailures.assertLiveBuildFailure(t,
                    "Live component " + NoTemplate.class.getName() + " has no template",
                    "templates/NoTemplate.html", "@Live(template"));

    @Test
    void test() {
        fail("should not start");
    }

    @Live
    static class NoTemplate {
        int n;
    }
}
