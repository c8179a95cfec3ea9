package org.acme;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link BrowserTest} against the packaged demo, as production runs it: a missing resource or class fails here. */
@QuarkusIntegrationTest
class BrowserIT extends BrowserTest {
}
