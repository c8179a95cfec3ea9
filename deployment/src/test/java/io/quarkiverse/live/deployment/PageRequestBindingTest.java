package io.quarkiverse.live.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.LiveConnection;
import io.quarkiverse.live.runtime.component.LiveComponents;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Only a component that may read its page request through {@code LiveConnection}, or whose template may mount one that
 * does, keeps a copy of the request's headers and query parameters for each mount.
 */
public class PageRequestBindingTest {

    @RegisterExtension
    static final QuarkusUnitTest test = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addClasses(Direct.class, ThroughBean.class, Helper.class, ByConstructor.class, Parent.class,
                            Plain.class, ParentOfPlain.class)
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Direct.html")
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/ThroughBean.html")
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/ByConstructor.html")
                    .addAsResource(new StringAsset("<div>{#if n > 0}{#live Direct n=n /}{/if}</div>"),
                            "templates/Parent.html")
                    .addAsResource(new StringAsset("<p>{n}</p>"), "templates/Plain.html")
                    .addAsResource(new StringAsset("<div>{#live Plain /}</div>"), "templates/ParentOfPlain.html"));

    @Inject
    LiveComponents components;

    @Test
    void componentsThatMayReadTheRequestKeepIt() {
        assertTrue(components.find("Direct").keepsPageRequest(), "injects LiveConnection");
        assertTrue(components.find("ThroughBean").keepsPageRequest(), "a bean created with it injects one");
        assertTrue(components.find("ByConstructor").keepsPageRequest(), "its constructor takes one");
        assertTrue(components.find("Parent").keepsPageRequest(), "a later render may mount Direct");
    }

    @Test
    void othersKeepNone() {
        assertFalse(components.find("Plain").keepsPageRequest());
        assertFalse(components.find("ParentOfPlain").keepsPageRequest(), "its only child reads no request");
    }

    @Live
    static class Direct {
        @Inject
        LiveConnection connection;

        int n;
    }

    @Live
    static class ThroughBean {
        @Inject
        Helper helper;

        int n;
    }

    @Dependent
    static class Helper {
        @Inject
        LiveConnection connection;
    }

    @Live
    static class ByConstructor {
        int n;

        ByConstructor(LiveConnection connection) {
            n = connection.queryParameter("n") == null ? 0 : 1;
        }
    }

    @Live
    static class Parent {
        int n;
    }

    @Live
    static class Plain {
        int n;
    }

    @Live
    static class ParentOfPlain {
        int n;
    }
}
