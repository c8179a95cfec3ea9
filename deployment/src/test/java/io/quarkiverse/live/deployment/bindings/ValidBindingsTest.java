package io.quarkiverse.live.deployment.bindings;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Every event spelling, modifier family and argument form the checks accept builds and renders in the one spelling
 * the page carries.
 */
class ValidBindingsTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClass(Widget.class).addAsResource(new StringAsset("""
                    <div>
                        <p>{count} {label}</p>
                        <button @click.prevent.stop="increment">+</button>
                        <button data-live-click="add(-5)">-5</button>
                        <input @input.debounce.500ms="rename(value, false)" @keydown.ctrl.enter="rename(value, true)">
                        <input @change.debounce.blur="rename(value, checked)" @keyup.escape.window="increment">
                        <form @submit="rename(name, true)" @submit.disable-with="Saving...">
                            <input name="name" @blur="increment" @focus.once="increment">
                        </form>
                        <div @click.outside="increment" @scroll.passive.throttle.200ms="add(1)"></div>
                        <span @mouseenter.self="rename('it\\'s', true)" data-live-dblclick="rename(&quot;x&quot;, false)"></span>
                        {#for i in 2}<i @click="add({i})">{i}</i>{/for}
                    </div>
                    """), "templates/Widget.html"));

    @Test
    void everyBindingRendersAsDataLive() {
        get("/widget").then().statusCode(200)
                .body(containsString("data-live-click.prevent.stop=\"increment\""))
                .body(containsString("data-live-keydown.ctrl.enter=\"rename([&quot;value&quot;],true)\""))
                .body(containsString("data-live-mouseenter.self=\"rename(&quot;it&#39;s&quot;,true)\""))
                .body(containsString("data-live-dblclick=\"rename(&quot;x&quot;,false)\""))
                .body(containsString("data-live-submit.disable-with=\"Saving...\""))
                .body(containsString("data-live-click=\"add(1)\""))
                .body(not(containsString(" @click")));
    }
}
