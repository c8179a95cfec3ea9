package io.quarkiverse.live.runtime.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.live.runtime.render.HtmlChange;
import io.quarkiverse.live.runtime.upload.ComponentUploads;
import io.quarkus.arc.InstanceHandle;
import io.vertx.core.Context;

/**
 * One mounted instance of a component: its id and resume token, its CDI instance, the HTML its browser last received,
 * its task queue, and where it is in its life:
 *
 * <pre>
 * RENDERED (by an HTTP response or a parent's render; waits for a join, at most quarkus.live.join-timeout)
 *   -> JOINED (owned by one connection; events run)
 *   -> DETACHED (its connection dropped; state kept for quarkus.live.reconnect-grace)
 *   -> JOINED again (a rejoin with the resume token) | DESTROYED (onUnmount() runs if onMount() did)
 * </pre>
 *
 * Phase changes happen in {@link ComponentRegistry} under this object's lock; everything that touches the instance
 * runs on the {@link #tasks() task queue}.
 */
public final class MountedComponent {

    enum Phase {
        RENDERED,
        JOINED,
        DETACHED,
        DESTROYED
    }

    private final MountContext context;
    private final String token;
    private final ComponentBinding binding;
    private final InstanceHandle<?> handle;
    private final MountedComponent parent;
    private final String browser;
    private volatile ComponentUploads uploads;
    private final TaskQueue tasks;
    private final FieldErrors errors = new FieldErrors();
    private final EventSequence sequence;
    /**
     * Children mounted by {@code {#live}} sections of this component's template, by their key in the template; created
     * for the first child, since most components have none.
     */
    private Map<String, MountedComponent> children;
    private volatile String lastHtml;
    /** Whether the browser holds {@link #lastHtml} as a string it can apply edits to (it received it whole). */
    private volatile boolean browserHasCopy;
    /** Whether a change goes as edits of the browser's copy ({@code quarkus.live.diff=edits}) rather than whole. */
    private final boolean edits;

    // Guarded by this
    private Phase phase = Phase.RENDERED;
    /** Its events' rate, whichever connection brings them; made by the first event. */
    private EventRate eventRate;
    private long phaseSinceNanos = System.nanoTime();
    private ComponentOwner owner;
    private boolean mounted;

    MountedComponent(MountContext context, String token, ComponentBinding binding, InstanceHandle<?> handle,
            MountedComponent parent, String browser, int replayWindow, boolean edits) {
        this.context = context;
        this.edits = edits;
        this.token = token;
        this.binding = binding;
        this.handle = handle;
        this.parent = parent;
        this.browser = browser;
        this.tasks = new TaskQueue(this);
        this.sequence = new EventSequence(replayWindow);
    }

    public String id() {
        return context.id();
    }

    /** What the component learned of its browser's request when it was mounted. */
    public MountContext context() {
        return context;
    }

    /** The secret a browser must show to rejoin this component after losing its connection. */
    public String token() {
        return token;
    }

    public ComponentBinding binding() {
        return binding;
    }

    public Object instance() {
        return handle.get();
    }

    /** The component whose template mounted this one, or {@code null} for a page's component. */
    public MountedComponent parent() {
        return parent;
    }

    /** The page's component this one shows in: itself, or the topmost of its parents. */
    public MountedComponent page() {
        MountedComponent page = this;
        while (page.parent != null) {
            page = page.parent;
        }
        return page;
    }

    /** The id of the browser that rendered it, which alone may join it; {@code null}: any browser may. */
    public String browser() {
        return browser;
    }

    public TaskQueue tasks() {
        return tasks;
    }

    /** The messages of this component's last rejected calls, as its template shows them. */
    /** The files being uploaded to the component, created with the first. */
    public ComponentUploads uploads() {
        ComponentUploads current = uploads;
        if (current == null) {
            synchronized (this) {
                if (uploads == null) {
                    uploads = new ComponentUploads();
                }
                current = uploads;
            }
        }
        return current;
    }

    /** The component's uploads, or {@code null} when it never had one: most components never do. */
    public ComponentUploads uploadsIfAny() {
        return uploads;
    }

    public FieldErrors errors() {
        return errors;
    }

    public EventSequence sequence() {
        return sequence;
    }

    /** The HTML the browser last received; safe to read from any thread. */
    public String lastHtml() {
        return lastHtml;
    }

    /** Records the first render, which the browser receives with the page: as markup, not as a string it keeps. */
    public void firstPaint(String html) {
        lastHtml = html;
    }

    /**
     * Records the HTML the browser is about to receive and says what to send for it: {@code null} when it did not
     * change (unless {@code whole}: the browser needs all of it, after a rejoin), the whole HTML when the browser keeps
     * no copy yet or edits are off, else the edits of its copy.
     */
    public HtmlChange replaceHtml(String html, boolean whole) {
        String before = lastHtml;
        lastHtml = html;
        if (!whole && html.equals(before)) {
            return null;
        }
        if (whole || !edits || !browserHasCopy) {
            browserHasCopy = true;
            return HtmlChange.whole(html);
        }
        return HtmlChange.between(before, html);
    }

    /** The child mounted under that key by the last render, or {@code null}. Call on the task queue. */
    public MountedComponent child(String key) {
        return children == null ? null : children.get(key);
    }

    /** The children the last render showed, by key, in the order first shown. Call on the task queue. */
    public Map<String, MountedComponent> childrenByKey() {
        return children == null ? Map.of() : new LinkedHashMap<>(children);
    }

    /** Keeps a child mounted by a render of this component's template. Call on the task queue. */
    public void adopt(String key, MountedComponent child) {
        if (children == null) {
            children = new LinkedHashMap<>();
        }
        children.put(key, child);
    }

    /** Forgets the children a render no longer showed and returns them. Call on the task queue. */
    public List<MountedComponent> keepOnlyChildren(Set<String> keys) {
        if (children == null) {
            return List.of();
        }
        List<MountedComponent> gone = new ArrayList<>();
        children.entrySet().removeIf(entry -> {
            if (keys.contains(entry.getKey())) {
                return false;
            }
            gone.add(entry.getValue());
            return true;
        });
        return gone;
    }

    List<MountedComponent> removeAllChildren() {
        if (children == null) {
            return List.of();
        }
        List<MountedComponent> all = new ArrayList<>(children.values());
        children.clear();
        return all;
    }

    /**
     * Takes one of this component's event tokens, {@code perSecond} a second with bursts of twice that: a browser that
     * is cut off for flooding and rejoins finds the component's bucket as empty as it left it, where a new connection's
     * own bucket would be full.
     */
    public synchronized boolean takeEventToken(int perSecond) {
        if (eventRate == null) {
            eventRate = new EventRate(perSecond);
        }
        return eventRate.tryTake();
    }

    /** Whether {@code onMount()} has run: the first join mounts, a rejoin does not mount again. */
    public synchronized boolean isMounted() {
        return mounted;
    }

    synchronized void markMounted() {
        mounted = true;
    }

    public synchronized boolean isDestroyed() {
        return phase == Phase.DESTROYED;
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized long phaseSinceNanos() {
        return phaseSinceNanos;
    }

    synchronized ComponentOwner owner() {
        return owner;
    }

    /** The connection the component is joined to now, or {@code null} when it waits for one. */
    public synchronized ComponentOwner joinedTo() {
        return phase == Phase.JOINED ? owner : null;
    }

    /** Whether tasks can run on it: it has been joined once (it has an event loop) and is not destroyed. */
    public synchronized boolean acceptsTasks() {
        return phase != Phase.DESTROYED && tasks.isBound();
    }

    /** Moves to the phase; returns the owner it had. */
    synchronized ComponentOwner enter(Phase next, ComponentOwner newOwner) {
        ComponentOwner previous = owner;
        phase = next;
        owner = newOwner;
        phaseSinceNanos = System.nanoTime();
        return previous;
    }

    void bind(Context context) {
        tasks.bind(context);
    }

    boolean hasContext() {
        return tasks.isBound();
    }

    /** Destroys the CDI instance (and its dependent beans). */
    void destroyInstance() {
        handle.destroy();
    }

    @Override
    public String toString() {
        return binding.name() + " " + context.id();
    }
}
