package io.quarkiverse.live.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import io.quarkiverse.live.Errors;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.Dispatcher;
import io.quarkiverse.live.runtime.render.HtmlChange;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkiverse.live.runtime.upload.ComponentUploads;
import io.quarkiverse.live.runtime.upload.UploadRoute;
import io.quarkus.arc.Arc;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A mounted component, joined over a connection of its own as a browser joins it, for a test to drive: fire its
 * bindings by CSS selector ({@link #click}, {@link #submit}, {@link #input}, {@link #change}) or call handlers by name
 * ({@link #call}), then read its HTML, its fields and its {@link #errors()}. Each of those waits for the server's
 * answer. Renders the server pushes (a shared value changed, a handler elsewhere pushed) keep {@link #html()} up to date;
 * {@link #waitFor} waits for one.
 * <p>
 * Everything goes through the real engine: the same conversion, validation, ordering, limits and threads as a
 * browser's events. Bindings fire at once: modifiers such as {@code .debounce} or key filters, which act in the
 * browser, are not applied. What a test types into a field stays in it, as in a browser, until the server renders that
 * field with another value or the field's form is submitted.
 *
 * @param <C> the component's class
 */
public final class LiveView<C> implements AutoCloseable {

    private final MountedComponent component;
    private final Dispatcher dispatcher;
    private final ComponentRegistry registry;
    private final Session session;
    private final TestChannel channel;
    private final Duration timeout;
    private long lastRef;
    private String html;
    private Document document;
    /** What the test typed, by control key, and what the server rendered there when it was typed. */
    private final Map<String, Typed> typed = new LinkedHashMap<>();
    /** The fields typed into per form (by the form's position in the component), sent with events of that form. */
    private final Map<Integer, Set<String>> touched = new LinkedHashMap<>();
    private final Set<Integer> submitted = new HashSet<>();

    private record Typed(Object value, Object rendered) {
    }

    LiveView(MountedComponent component, Dispatcher dispatcher, ComponentRegistry registry, Session session,
            TestChannel channel, String firstPaint, Duration timeout) {
        this.component = component;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.session = session;
        this.channel = channel;
        this.timeout = timeout;
        this.html = firstPaint;
        this.document = parse(firstPaint);
    }

    /** The component's id, as its root element's {@code data-live-id} says it. */
    public String id() {
        return component.id();
    }

    /** The component's HTML as the browser holds it: its root element, with every answer and push applied. */
    public synchronized String html() {
        return html;
    }

    /** The text of the first element the selector finds, with its descendants' text. */
    public synchronized String text(String css) {
        return one(css).text();
    }

    /**
     * A field's value as the page holds it, what the test typed included: a string, a checkbox's checked state, a
     * multiple select's list of selected values.
     */
    public synchronized Object value(String css) {
        return FormFields.value(one(css));
    }

    /** How many elements the selector finds in the component's HTML. */
    public synchronized int count(String css) {
        return document.select(css).size();
    }

    /**
     * The value of one of the component's fields, read as templates read it (a state field, or a method without
     * parameters). Read it after a call has returned; the component may change it on its own thread at any time.
     */
    public Object field(String name) {
        return component.binding().read(component.instance(), name);
    }

    /** The component instance itself, to read what {@link #field} cannot name; the same caution applies. */
    @SuppressWarnings("unchecked")
    public C component() {
        return (C) component.instance();
    }

    /** The messages of refused calls, as the template sees them under {@code errors}. */
    public Errors errors() {
        return component.errors();
    }

    /**
     * Calls a handler by name with the arguments a browser would send: strings, numbers, booleans, {@code null},
     * lists, and maps for record or POJO parameters (a form's fields, with dotted names for nested objects).
     *
     * @throws CallRefusedException when the call is refused other than with validation messages
     */
    public LiveView<C> call(String handler, Object... args) {
        JsonArray values = new JsonArray();
        for (Object arg : args) {
            values.add(arg instanceof Map<?, ?> map ? new JsonObject(copy(map)) : arg);
        }
        send(handler, values, null, -1);
        return this;
    }

    /**
     * Clicks the element: fires its {@code @click} bindings and those of the elements around it, nearest first; a
     * submit button without one submits its form.
     *
     * @throws IllegalArgumentException when the selector finds nothing, or nothing there listens to clicks
     */
    public LiveView<C> click(String css) {
        Element element;
        synchronized (this) {
            element = one(css);
        }
        if (fire(element, "click") == 0) {
            Element form = element.closest("form");
            boolean submits = element.tagName().equals("button") && !"button".equals(element.attr("type"))
                    || element.tagName().equals("input") && "submit".equals(element.attr("type"));
            if (!submits || form == null || fire(form, "submit") == 0) {
                throw new IllegalArgumentException("Nothing listens to a click on " + css + ": " + element);
            }
        }
        return this;
    }

    /**
     * Fills the form's fields with the given values (a checkbox takes a boolean, a multiple select a list, a file input
     * a {@link TestFile} or a list of them), keeping the others as the page holds them, and submits it: its
     * {@code @submit} binding fires with every field touched. Files are uploaded first, with the checks a browser's
     * upload gets; when they break a limit, the form is not submitted and {@link #errors()} says why, as in a browser.
     *
     * @param css the form, or an element inside it
     * @throws IllegalArgumentException when a name is no field of the form, or the form has no {@code @submit} binding
     */
    public LiveView<C> submit(String css, Map<String, ?> fields) {
        // Files first, as the upload script sends them before the submit; their state changes what the component shows
        Map<String, List<String>> uploaded = new LinkedHashMap<>();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (field.getValue() instanceof TestFile
                    || field.getValue() instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof TestFile) {
                synchronized (this) {
                    control(formOf(css), field.getKey());
                }
                List<String> ids = upload(field.getKey(), field.getValue());
                if (ids == null) {
                    return this;
                }
                uploaded.put(field.getKey(), ids);
            }
        }
        Element form;
        synchronized (this) {
            form = formOf(css);
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                Element control = control(form, field.getKey());
                List<String> ids = uploaded.get(field.getKey());
                if (ids == null) {
                    type(control, field.getValue());
                    continue;
                }
                // As the upload script does: hidden fields hold the ids, the file input gives way for the submit
                ids.forEach(id -> form.appendElement("input").attr("type", "hidden").attr("name", field.getKey())
                        .attr("value", id));
                control.removeAttr("name");
            }
        }
        if (fire(form, "submit") == 0) {
            throw new IllegalArgumentException("The form " + css + " has no @submit binding");
        }
        return this;
    }

    private Element formOf(String css) {
        Element element = one(css);
        Element form = element.tagName().equals("form") ? element : element.closest("form");
        if (form == null) {
            throw new IllegalArgumentException(css + " is no form and is in none: " + element);
        }
        return form;
    }

    private static Element control(Element form, String name) {
        Element control = form.selectFirst(controlNamed(name));
        if (control == null) {
            throw new IllegalArgumentException("The form has no field '" + name + "'; its fields are "
                    + FormFields.fields(form).keySet());
        }
        return control;
    }

    /**
     * Uploads files for a file input with the checks a browser's upload gets, and waits until the component shows
     * the upload's state.
     *
     * @return the upload ids, or {@code null} when the files broke a limit ({@link #errors()} says which)
     */
    private List<String> upload(String field, Object value) {
        List<TestFile> files = new ArrayList<>();
        for (Object file : value instanceof List<?> list ? list : List.of(value)) {
            if (!(file instanceof TestFile testFile)) {
                throw new IllegalArgumentException("A file input takes a TestFile or a list of them, not " + file);
            }
            files.add(testFile);
        }
        var route = Arc.container().instance(UploadRoute.class);
        if (!route.isAvailable()) {
            throw new IllegalStateException("No handler of the application takes files");
        }
        UploadRoute.Accepted accepted;
        try {
            accepted = route.get().store(component, field, files.stream()
                    .map(file -> new ComponentUploads.Announced(file.name(), file.content().length, file.type()))
                    .toList(), files.stream().map(TestFile::content).toList(), session.languages());
            accepted.shown().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The component did not take the upload's state", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return accepted.ids();
    }

    /** Submits the form as the page holds it. */
    public LiveView<C> submit(String css) {
        return submit(css, Map.of());
    }

    /** Types the value into the field and fires the {@code @input} bindings on it and around it. */
    public LiveView<C> input(String css, Object value) {
        return typeAndFire(css, value, "input");
    }

    /**
     * Sets the field's value (a checkbox takes a boolean, a select an option's value) and fires the {@code @change}
     * bindings on it and around it.
     */
    public LiveView<C> change(String css, Object value) {
        return typeAndFire(css, value, "change");
    }

    /**
     * Waits until the condition holds, checking it after every message the server sends this view: for renders the
     * server pushes, a shared value changed elsewhere for instance.
     *
     * @throws AssertionError when it does not hold within the view's timeout
     */
    public synchronized LiveView<C> waitFor(Predicate<LiveView<C>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms; the component's HTML is " + html);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
        return this;
    }

    /**
     * Leaves the component, which unmounts it, and closes the connection; returns once {@code onUnmount()} has run and
     * nothing is left on the component's queue.
     */
    @Override
    public void close() {
        // A page that closes leaves its components waiting for the browser to come back; a test ends them at once
        channel.eventLoop().runOnContext(ignored -> {
            dispatcher.closed(session);
            registry.destroy(component);
        });
        // The unmount is a task like any other, with nothing to answer: its end shows as an empty queue
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!component.isDestroyed() || component.tasks().size() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(component.binding().name() + " did not unmount within " + timeout.toMillis()
                        + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private LiveView<C> typeAndFire(String css, Object value, String event) {
        Element control;
        synchronized (this) {
            control = one(css);
            if (!control.is("input, textarea, select")) {
                throw new IllegalArgumentException(css + " is no input, textarea or select: " + control);
            }
            type(control, value);
            Element form = control.closest("form");
            if (form != null && control.hasAttr("name")) {
                touched.computeIfAbsent(formIndex(form), ignored -> new LinkedHashSet<>()).add(control.attr("name"));
            }
        }
        fire(control, event);
        return this;
    }

    /**
     * Fires the bindings of one event on the element and the elements around it inside the component, nearest first;
     * each is a call, answered before the next.
     *
     * @return how many fired
     */
    private int fire(Element target, String event) {
        boolean submit = event.equals("submit");
        List<Runnable> calls = new ArrayList<>();
        synchronized (this) {
            for (Element element = target; element != null; element = element.parent()) {
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey();
                    if (name.equals("data-live-" + event) || name.startsWith("data-live-" + event + ".")
                            && !name.endsWith(".disable-with")) {
                        FormFields.Call call = FormFields.resolve(attribute.getValue(), element);
                        Element form = element.tagName().equals("form") ? element : element.closest("form");
                        int formIndex = form == null ? -1 : formIndex(form);
                        JsonArray touchedFields = submit || !call.readsForm() ? null : touchedOf(formIndex);
                        calls.add(() -> send(call.handler(), call.args(), touchedFields, submit ? formIndex : -1));
                    }
                }
                if (element.hasAttr("data-live-id")) {
                    break;
                }
            }
        }
        calls.forEach(Runnable::run);
        return calls.size();
    }

    /** The touched fields to send with an event of the form: none before a submit has touched them all. */
    private JsonArray touchedOf(int form) {
        if (form < 0 || submitted.contains(form)) {
            return null;
        }
        return new JsonArray(new ArrayList<>(touched.getOrDefault(form, Set.of())));
    }

    /** Sends one event and waits for its answer; a refusal without validation messages is thrown. */
    private void send(String handler, JsonArray args, JsonArray touchedFields, int submittedForm) {
        long ref = nextRef();
        JsonObject event = new JsonObject().put("t", "event").put("ref", ref).put("id", component.id())
                .put("handler", handler).put("args", args);
        if (touchedFields != null) {
            event.put("touched", touchedFields);
        }
        JsonObject answer = request(ref, event);
        if (submittedForm >= 0) {
            synchronized (this) {
                submitted.add(submittedForm);
                // The server's HTML decides what the form holds after its submit
                for (Element control : formControls(submittedForm)) {
                    String key = key(control);
                    if (key != null) {
                        typed.remove(key);
                    }
                }
                setHtml(html);
            }
        }
        if ("error".equals(answer.getString("t"))) {
            String code = answer.getString("code");
            boolean messages = "invalid".equals(code) || "bad-arguments".equals(code) && answer.containsKey("errors");
            if (!messages) {
                throw new CallRefusedException(code, answer.getString("message"));
            }
        }
    }

    /** Sends a message on the connection's event loop and waits for the answer with its ref. */
    JsonObject request(long ref, JsonObject message) {
        CompletableFuture<JsonObject> answer = channel.answer(ref);
        channel.eventLoop().runOnContext(ignored -> dispatcher.received(session, message.encode()));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No answer to " + message.encode() + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized long nextRef() {
        return ++lastRef;
    }

    /** Every message the server sends this view: answers and renders of its component change its HTML. */
    synchronized void received(JsonObject message) {
        String type = message.getString("t");
        if (("ok".equals(type) || "render".equals(type)) && component.id().equals(message.getString("id"))) {
            if (message.getString("html") != null) {
                setHtml(message.getString("html"));
            } else if (message.getJsonArray("d") != null) {
                setHtml(HtmlChange.apply(html, message.getJsonArray("d")));
            }
        }
        notifyAll();
    }

    /**
     * Takes new HTML from the server. What the test typed stays where the server renders the field as it did when it
     * was typed; where the server renders something else, the server's value wins.
     */
    private void setHtml(String newHtml) {
        html = newHtml;
        document = parse(newHtml);
        typed.entrySet().removeIf(entry -> {
            Element control = document.selectFirst(selectorOf(entry.getKey()));
            if (control == null || !Objects.equals(FormFields.value(control), entry.getValue().rendered())) {
                return true;
            }
            apply(control, entry.getValue().value());
            return false;
        });
    }

    private void type(Element control, Object value) {
        String key = key(control);
        if (key == null) {
            // Nothing identifies it across renders: it holds the value until the next one
            apply(control, value);
            return;
        }
        Typed before = typed.get(key);
        typed.put(key, new Typed(value, before != null ? before.rendered() : FormFields.value(control)));
        apply(control, value);
    }

    /** Puts a value in a control as a user would: the value, the checked state, the selected options. */
    private static void apply(Element control, Object value) {
        if (control.is("input[type=checkbox], input[type=radio]")) {
            boolean checked = value instanceof Boolean b ? b : Objects.equals(control.attr("value"), value);
            if (checked) {
                control.attr("checked", true);
            } else {
                control.removeAttr("checked");
            }
        } else if (control.tagName().equals("select")) {
            List<?> chosen = value instanceof List<?> list ? list : List.of(String.valueOf(value));
            for (Element option : control.select("option")) {
                String optionValue = option.hasAttr("value") ? option.attr("value") : option.text();
                if (chosen.contains(optionValue)) {
                    option.attr("selected", true);
                } else {
                    option.removeAttr("selected");
                }
            }
        } else if (control.tagName().equals("textarea")) {
            control.text(value == null ? "" : String.valueOf(value));
        } else {
            control.attr("value", value == null ? "" : String.valueOf(value));
        }
    }

    /** What identifies a control across renders: its id, else its name; {@code null} without either. */
    private static String key(Element control) {
        if (control.hasAttr("id")) {
            return "#" + control.id();
        }
        return control.hasAttr("name") ? "name=" + control.attr("name") : null;
    }

    private static String selectorOf(String key) {
        return key.startsWith("#") ? "[id=\"" + key.substring(1).replace("\"", "\\\"") + "\"]"
                : controlNamed(key.substring("name=".length()));
    }

    private static String controlNamed(String name) {
        String quoted = "\"" + name.replace("\"", "\\\"") + "\"";
        return "input[name=" + quoted + "], textarea[name=" + quoted + "], select[name=" + quoted + "]";
    }

    private int formIndex(Element form) {
        Elements forms = document.select("form");
        for (int i = 0; i < forms.size(); i++) {
            if (forms.get(i) == form) {
                return i;
            }
        }
        return -1;
    }

    private List<Element> formControls(int index) {
        Elements forms = document.select("form");
        return index < 0 || index >= forms.size() ? List.of()
                : forms.get(index).select("input[name], textarea[name], select[name], [id]");
    }

    private Element one(String css) {
        Element element = document.selectFirst(css);
        if (element == null) {
            throw new IllegalArgumentException("No element matches " + css + " in " + html);
        }
        return element;
    }

    private static Document parse(String html) {
        return Jsoup.parseBodyFragment(html);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key),
                value instanceof Map<?, ?> nested ? new JsonObject(copy(nested)) : value));
        return copy;
    }
}
