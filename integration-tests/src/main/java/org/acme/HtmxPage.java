package org.acme;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A plain page driven by htmx: a button fetches an HTML fragment that mounts a live {@link Tally}, and htmx swaps it
 * into the page.
 */
@Path("/htmx")
public class HtmxPage {

    @CheckedTemplate(basePath = "htmx")
    static class Templates {
        static native TemplateInstance page();

        static native TemplateInstance tally();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.page();
    }

    /** The fragment htmx inserts: a freshly mounted tally, followed by the runtime's script. */
    @GET
    @Path("/tally")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance tally() {
        return Templates.tally();
    }
}
