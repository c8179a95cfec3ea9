package org.acme;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link EveryMessageAtOnceTest} against the packaged demo, as production runs it: a missing resource or class fails here. */
@QuarkusIntegrationTest
class EveryMessageAtOnceIT extends EveryMessageAtOnceTest {
}
