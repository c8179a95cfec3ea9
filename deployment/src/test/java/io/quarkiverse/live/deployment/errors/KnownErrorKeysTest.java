package io.quarkiverse.live.deployment.errors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.qute.Template;
import io.quarkus.test.QuarkusUnitTest;

/** Every key errors can hold passes the build: parameters, form fields, nested paths, and the members of errors. */
class KnownErrorKeysTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(Enrolment.class)
                    .addClasses(Enrolment.Member.class, Enrolment.Address.class)
                    .addAsResource(new StringAsset("""
                            <form @submit="save(member)">
                                <span>{errors.name}</span><span>{errors.member}</span><span>{errors.address}</span>
                                <span>{errors.get('address.street')}</span><span>{errors.has('email')}</span>
                                <span>{errors.stars}</span><span>{errors.empty}</span><span>{saved}</span>
                            </form>
                            """), "templates/Enrolment.html")
                    .addAsResource(new StringAsset("{#live Enrolment /}"), "templates/page.html"));

    @Inject
    Template page;

    @Test
    void theTemplateBuildsAndRenders() {
        String html = page.render();
        assertTrue(html.contains("<span>false</span>") && html.contains("<span>true</span>"), html);
    }
}
