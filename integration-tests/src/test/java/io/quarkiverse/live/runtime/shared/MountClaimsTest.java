package io.quarkiverse.live.runtime.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A mount claim is honoured only as issued: for the browser it was issued to, the id it names, signed with the
 * cluster's key and recent; a claim whose props are not plain values is never issued. A claim names its component's
 * children, with their keys, ids and props.
 */
class MountClaimsTest {

    private static final byte[] KEY = "a key of thirty-two bytes, at least".getBytes();
    private final MountClaims claims = new MountClaims(KEY, Duration.ofSeconds(60));

    @Test
    void aClaimNamesItsComponentAndProps() {
        String claim = claims.issue(claims.describe("Counter", "id-1", Map.of("count", 5, "label", "five", "on", true)),
                "browser-a");
        MountClaims.Claim checked = claims.verify(claim, "id-1", "browser-a");
        assertNotNull(checked);
        assertEquals("Counter", checked.component());
        assertEquals(Map.of("count", 5, "label", "five", "on", true), checked.props());
    }

    @Test
    void aClaimNamesTheChildrenOfItsComponentByKey() {
        JsonObject row = claims.describe("Tally", "id-2", Map.of("count", 2)).put("k", "TallyRows.html:3:26:2")
                .put("n", new JsonArray().add(claims.describe("Badge", "id-3", Map.of()).put("k", "Tally.html:1:1#1")));
        String claim = claims.issue(claims.describe("TallyRows", "id-1", Map.of()).put("n", new JsonArray().add(row)),
                "browser-a");
        MountClaims.Claim checked = claims.verify(claim, "id-1", "browser-a");
        assertEquals(1, checked.children().size());
        MountClaims.Claim child = checked.children().get(0);
        assertEquals("Tally", child.component());
        assertEquals("id-2", child.id());
        assertEquals("TallyRows.html:3:26:2", child.key());
        assertEquals(Map.of("count", 2), child.props());
        assertEquals("id-3", child.children().get(0).id());
        assertEquals("Tally.html:1:1#1", child.children().get(0).key());
    }

    @Test
    void aClaimIsRefusedForAnotherBrowserAnotherIdAnotherKeyOrWhenChanged() {
        String claim = claims.issue(claims.describe("Counter", "id-1", Map.of("count", 5)), "browser-a");
        assertNull(claims.verify(claim, "id-1", "browser-b"), "another browser");
        assertNull(claims.verify(claim, "id-2", "browser-a"), "another id");
        assertNull(new MountClaims("another key of thirty-two bytes!!".getBytes(), Duration.ofSeconds(60))
                .verify(claim, "id-1", "browser-a"), "signed with another key");
        String payload = claim.substring(0, claim.indexOf('.'));
        String forged = new String(Base64.getUrlDecoder().decode(payload)).replace("\"count\":5", "\"count\":500");
        assertNull(claims.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + claim.substring(claim.indexOf('.')), "id-1", "browser-a"), "props changed");
        assertNull(claims.verify("no dot here", "id-1", "browser-a"));
    }

    @Test
    void anOldClaimIsRefused() {
        MountClaims shortLived = new MountClaims(KEY, Duration.ofMillis(-1));
        String claim = shortLived.issue(shortLived.describe("Counter", "id-1", Map.of()), "b");
        assertNull(shortLived.verify(claim, "id-1", "b"));
    }

    @Test
    void propsThatAreNotPlainValuesGetNoClaim() {
        assertNull(claims.describe("Row", "id-1", Map.of("item", new Object())));
        assertNotNull(claims.issue(claims.describe("Row", "id-1", Map.of("state", Thread.State.NEW)), "b"),
                "enum constants are plain");
    }
}
