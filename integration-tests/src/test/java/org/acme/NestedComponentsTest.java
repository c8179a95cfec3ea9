package org.acme;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Components mounted by another component's template, over a real WebSocket: a child joins on the page's connection,
 * keeps its state across its parent's renders, and is destroyed when the parent stops rendering it.
 */
@QuarkusTest
class NestedComponentsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChildLivesWhileItsParentRendersIt() throws Exception {
        String panel = LiveClient.mount("/panel");
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(panel);
            JsonObject shown = client.event(panel, "toggle");
            List<String> ids = LiveClient.componentIds(shown.getString("html"));
            assertEquals(2, ids.size(), "the panel and its tally: " + shown.encode());
            String tally = ids.get(1);

            String token = client.join(tally).getString("token");
            assertTrue(client.event(tally, "increment").getString("html").contains(">1</output>"));

            JsonObject touched = client.event(panel, "touch");
            assertEquals(List.of(panel, tally), LiveClient.componentIds(touched.getString("html")),
                    "the same child after the parent rendered again");
            assertTrue(touched.getString("html").contains(">1</output>"), "showing the state it has");
            assertTrue(client.event(tally, "increment").getString("html").contains(">2</output>"));

            JsonObject hidden = client.event(panel, "toggle");
            assertEquals(List.of(panel), LiveClient.componentIds(hidden.getString("html")));
            ProtocolTest.assertError(client.event(tally, "increment"), "unknown-component");
            ProtocolTest.assertError(client.rejoin(tally, token), "unknown-component");

            JsonObject again = client.event(panel, "toggle");
            String fresh = LiveClient.componentIds(again.getString("html")).get(1);
            assertTrue(!fresh.equals(tally), "showing it again mounts a fresh child");
            assertTrue(again.getString("html").contains(">0</output>"), again.encode());
        }
    }

    @Test
    void keyedChildrenStayWithTheirRows() throws Exception {
        List<String> page = LiveClient.componentIds(LiveClient.page("/tally-rows"));
        assertEquals(4, page.size(), "the list and a child per row: " + page);
        String rows = page.get(0);
        try (LiveClient client = LiveClient.connect(base)) {
            client.join(rows);
            String second = page.get(2);
            client.join(second);
            assertTrue(client.event(second, "increment").getString("html").contains(">3</output>"),
                    "the row's prop set its start");

            JsonObject removed = client.event(rows, "removeFirst");
            assertEquals(List.of(rows, second, page.get(3)), LiveClient.componentIds(removed.getString("html")),
                    "the other rows keep their children, found by key, not by position");
            assertTrue(removed.getString("html").contains(">3</output>"), removed.encode());
            ProtocolTest.assertError(client.join(page.get(1)), "unknown-component");
        }
    }
}
