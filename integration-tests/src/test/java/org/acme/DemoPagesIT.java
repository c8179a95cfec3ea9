package org.acme;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DemoPagesTest} against the packaged demo, as production runs it: a missing resource or class fails here. */
@QuarkusIntegrationTest
class DemoPagesIT extends DemoPagesTest {
}
