package io.quarkiverse.live.deployment.template;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.live.Live;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Values rendered into a call reach the handler exactly: the page carries them as JSON, which the browser reads with
 * {@code JSON.parse}. Quoted, a rendered value is a string; unquoted, it is the value itself (a number stays a number).
 */
class RenderedArgumentsTest {

    static final String AWKWARD = "O'Brien \"q\" back\\slash </b> {x} & é\n\u2028";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(Picker.class).addAsResource(new StringAsset("""
                    <div title="a > b">
                      <button @click="pick('{name}')">quoted</button>
                      <button @click='pick({name})'>unquoted</button>
                      <button @click="pick('row-{id}: {name}')">mixed</button>
                      <button @click="number({id})">number</button>
                      <button @click="number({big})">long</button>
                      <button @click="ratio({ratio}, {flag}, {nothing})">others</button>
                      {#for item in items}<button @click="pick({item})">{item}</button>{/for}
                    </div>
                    """), "templates/Picker.html"));

    @Test
    void everyRenderedValueArrivesExactly() throws Exception {
        String page = get("/picker").then().statusCode(200).extract().asString();
        List<List<Object>> calls = calls(page);
        assertEquals(List.of(AWKWARD), calls.get(0));
        assertEquals(List.of(AWKWARD), calls.get(1));
        assertEquals(List.of("row-7: " + AWKWARD), calls.get(2));
        assertEquals(List.of(7), calls.get(3));
        assertEquals(List.of(9007199254740993L), calls.get(4));
        assertEquals(Arrays.asList(0.25, true, null), calls.get(5));
        assertEquals(List.of("a'b"), calls.get(6));
        assertEquals(List.of("c\"d"), calls.get(7));
    }

    /** The arguments of each click binding, read as the browser does: attribute value unescaped, then JSON. */
    private static List<List<Object>> calls(String page) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<List<Object>> calls = new ArrayList<>();
        Matcher click = Pattern.compile("data-live-click=\"[a-z]+\\(([^\"]*)\\)\"").matcher(page);
        while (click.find()) {
            String arguments = click.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
            calls.add(json.readValue("[" + arguments + "]", List.class));
        }
        return calls;
    }

    @Live(path = "/picker")
    public static class Picker {
        String name = AWKWARD;
        int id = 7;
        long big = 9007199254740993L;
        double ratio = 0.25;
        boolean flag = true;
        String nothing;
        List<String> items = List.of("a'b", "c\"d");
        Object picked;

        void pick(String value) {
            picked = value;
        }

        void number(long value) {
            picked = value;
        }

        void ratio(double value, boolean flag, String nothing) {
            picked = value;
        }
    }
}
