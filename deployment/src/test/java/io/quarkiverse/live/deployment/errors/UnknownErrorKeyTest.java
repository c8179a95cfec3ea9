package io.quarkiverse.live.deployment.errors;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.deployment.LiveFailures;
import io.quarkus.test.QuarkusUnitTest;

/** A message key no handler parameter or form field has is a build error, with the key meant suggested. */
class UnknownErrorKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(Enrolment.class)
                    .addClasses(Enrolment.Member.class, Enrolment.Address.class)
                    .addAsResource(new StringAsset("""
                            <form @submit="save(member)">
                                <span>{errors.nmae}</span>
                                <span>{errors.get('address.stret')}</span>
                                <span>{errors.size}</span>
                                <span>{errors.starz}</span>
                            </form>
                            """), "templates/Enrolment.html"))
            .assertException(thrown -> {
                LiveFailures.assertLiveBuildFailure(thrown, "Enrolment.html:2: {errors.nmae}: no handler of Enrolment "
                        + "has a parameter or form field 'nmae', so errors never holds a message for it; did you mean "
                        + "'name'?");
                LiveFailures.assertLiveBuildFailure(thrown, "Enrolment.html:3: {errors.get('address.stret')}: "
                        + "no handler of Enrolment has a parameter or form field 'address.stret'");
                LiveFailures.assertLiveBuildFailure(thrown, "did you mean 'address.street'?");
                LiveFailures.assertLiveBuildFailure(thrown, "Enrolment.html:4: {errors.size}: no handler");
                LiveFailures.assertLiveBuildFailure(thrown, "Enrolment.html:5: {errors.starz}: no handler of "
                        + "Enrolment has a parameter or form field 'starz', so errors never holds a message for it; "
                        + "did you mean 'stars'?");
            });

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
