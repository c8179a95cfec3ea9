package io.quarkiverse.live.deployment.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkiverse.live.runtime.template.EventAttributes;

/**
 * What the template rewrite gives forms and buttons so that they work without JavaScript: a form with a submit call
 * posts to the component with its call in the URL, a button with a click call submits its call through its form or
 * the component's own; what has a method, an action or a type of its own is left alone.
 */
class NoScriptFormsTest {

    private static final String FORM = "{live:form}";

    @Test
    void aSubmitFormPostsItsCallToTheComponent() {
        assertEquals("<form data-live-submit=\"add([&quot;text&quot;])\" method=\"post\" action=\"" + FORM
                + "?call=add%28%5B%22text%22%5D%29\"><input name=\"text\"></form>",
                EventAttributes.rewrite("<form @submit=\"add(text)\"><input name=\"text\"></form>"));
    }

    @Test
    void aCheckboxAloneUnderItsNameIsNamedForBooleans() {
        String rewritten = EventAttributes.rewrite("<form @submit=\"save(form)\"><input type=\"checkbox\" name=\"terms\">"
                + "{#for tag in tags}<input type=\"checkbox\" name=\"tags\" value=\"{tag}\">{/for}</form>");
        assertEquals(true, rewritten.contains("?call=save%28%5B%22form%22%5D%29&amp;bool=terms\""), rewritten);
    }

    @Test
    void aClickButtonSubmitsItsCallThroughItsFormOrTheComponentsOwn() {
        assertEquals("<button data-live-click=\"remove({live:json(item.id)})\" name=\"_live_call\""
                + " value=\"remove({live:json(item.id)})\" form=\"{live:formId}\">x</button>",
                EventAttributes.rewrite("<button @click=\"remove({item.id})\">x</button>"));
        assertEquals("<form><button data-live-click=\"say(&quot;a b&quot;)\" name=\"_live_call\""
                + " value=\"say(&quot;a b&quot;)\" formmethod=\"post\" formaction=\"" + FORM + "\">x</button></form>",
                EventAttributes.rewrite("<form><button @click=\"say('a b')\">x</button></form>"));
    }

    @Test
    void aButtonWithANameOfItsOwnCarriesItsCallInItsUrl() {
        assertEquals("<button name=\"b\" data-live-click=\"open(&quot;row-{live:str(id)}&quot;)\" formmethod=\"post\""
                + " formaction=\"" + FORM + "?call=open%28%22row-{live:ustr(id)}%22%29\" form=\"{live:formId}\"/>",
                EventAttributes.rewrite("<button name=\"b\" @click=\"open('row-{id}')\"/>"));
    }

    @Test
    void whatHasAMethodActionOrTypeOfItsOwnIsLeftAlone() {
        assertEquals("<form data-live-submit=\"go\" action=\"/elsewhere\"></form>",
                EventAttributes.rewrite("<form @submit=\"go\" action=\"/elsewhere\"></form>"));
        assertEquals("<button data-live-click=\"go\" type=\"button\"></button>",
                EventAttributes.rewrite("<button @click=\"go\" type=\"button\"></button>"));
        assertEquals("<a data-live-click=\"go\">go</a>", EventAttributes.rewrite("<a @click=\"go\">go</a>"));
        assertEquals("<input data-live-input=\"go\">", EventAttributes.rewrite("<input @input=\"go\">"));
    }
}
