package io.quarkiverse.live.runtime.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.LiveRuntimeConfig;
import io.quarkiverse.live.runtime.component.ComponentListener;
import io.quarkiverse.live.runtime.component.ComponentRegistry;
import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.dispatch.ConversionMessages;
import io.quarkiverse.live.runtime.dispatch.Pusher;
import io.quarkiverse.live.runtime.http.BrowserBinding;
import io.quarkiverse.live.runtime.transport.OriginPolicy;
import io.quarkiverse.live.runtime.transport.Session;
import io.quarkiverse.live.runtime.transport.form.FormTokens;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Files for {@code UploadedFile} handler parameters, over plain HTTP beside the live connection, in three requests:
 * <ul>
 * <li>{@code POST <root>/upload/<component id>.<token>} announces a field's files ({@code {"field", "files": [{"name",
 * "size", "type"}]}}); their number, sizes and types are checked against the parameter's {@code @Upload} limits before
 * a byte is sent, and the answer gives an id per file and the chunk size, or the message the component now shows
 * under the field's name (422);</li>
 * <li>{@code PUT <root>/upload/<upload id>?offset=<n>} sends one chunk; a chunk that fails is sent again from the
 * offset the server has ({@code {"received": n}}, also the answer to a chunk at the wrong offset, 409);</li>
 * <li>{@code DELETE <root>/upload/<upload id>} cancels; with {@code ?failed}, the browser gave up on a chunk and the
 * component says so under the field's name.</li>
 * </ul>
 * The token is the one of the component's no-JavaScript forms (component id and browser), and every request must come
 * from the browser the component belongs to: another browser can neither announce nor send files to it. Progress is
 * rendered by the component itself ({@code uploads.avatar.progress}), pushed as chunks arrive.
 */
@Singleton
public class UploadRoute {

    private final ComponentRegistry registry;
    private final OriginPolicy origins;
    private final FormTokens tokens;
    private final Pusher pusher;
    private final ConversionMessages messages;
    private final Vertx vertx;
    private final LiveRuntimeConfig config;
    private final Path directory;
    private final UploadStorage storage;
    private final Set<MountedComponent> withUploads = ConcurrentHashMap.newKeySet();
    private final long sweep;

    UploadRoute(ComponentRegistry registry, OriginPolicy origins, FormTokens tokens, Pusher pusher,
            ConversionMessages messages, Vertx vertx, LiveRuntimeConfig config) {
        this.registry = registry;
        this.origins = origins;
        this.tokens = tokens;
        this.pusher = pusher;
        this.messages = messages;
        this.vertx = vertx;
        this.config = config;
        this.storage = new UploadStorage(config.maxUploadStorage());
        try {
            this.directory = config.uploadDirectory().isPresent()
                    ? Files.createDirectories(Path.of(config.uploadDirectory().get()))
                    : Files.createTempDirectory("quarkus-live-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException("The directory for uploads cannot be created", e);
        }
        registry.listen(new ComponentListener() {
            @Override
            public void destroyed(MountedComponent component) {
                if (withUploads.remove(component)) {
                    component.uploads().deleteAll();
                }
            }
        });
        long idle = config.uploadTimeout().toMillis();
        this.sweep = vertx.setPeriodic(Math.max(1000, idle / 2), ignored -> expire(idle));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweep);
        withUploads.forEach(component -> component.uploads().deleteAll());
    }

    /** Reads the announcement of a preflight, up to the message size limit; chunks are streamed, never buffered. */
    public BodyHandler announcementBody() {
        return BodyHandler.create(false).setBodyLimit(config.maxMessageSize());
    }

    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!origins.allows(request)) {
            refuse(context, 403, "This upload comes from another site");
            return;
        }
        String target = context.pathParam("target");
        if (request.method() == HttpMethod.POST) {
            announce(context, target);
            return;
        }
        // An upload id starts with its component's id
        MountedComponent component = registry.find(target.substring(0, Math.max(0, target.indexOf('.'))));
        ComponentUploads uploads = component == null ? null : component.uploadsIfAny();
        UploadEntry entry = uploads == null ? null : uploads.entry(target);
        if (entry == null || !isBrowserOf(component, request)) {
            refuse(context, 404, "No such upload: it was cancelled, taken, or is another browser's");
        } else if (request.method() == HttpMethod.PUT) {
            receive(context, component, entry);
        } else if (request.method() == HttpMethod.DELETE) {
            uploads.cancel(target);
            if (request.getParam("failed") != null) {
                // The browser gave up on a chunk: the field says so, rather than the progress just vanishing
                String handler = "upload:" + entry.field;
                String message = messages.text("io.quarkiverse.live.upload.failed", Map.of("file", entry.fileName()),
                        Session.languages(request.getHeader("Accept-Language")));
                shown(component, c -> c.errors().update(handler, Set.of(entry.field), Map.of(entry.field, message)));
            } else {
                pusher.pushOnce(component, "upload", ignored -> {
                });
            }
            context.response().setStatusCode(204).end();
        } else {
            refuse(context, 405, "POST, PUT or DELETE");
        }
    }

    private void announce(RoutingContext context, String target) {
        String[] idAndToken = target.split("\\.", 2);
        String browser = BrowserBinding.fromCookieHeader(context.request().getHeader("Cookie"));
        MountedComponent component = idAndToken.length == 2 ? registry.find(idAndToken[0]) : null;
        if (component == null || component.isDestroyed() || !tokens.matches(idAndToken[0], browser, idAndToken[1])) {
            refuse(context, 403, "This upload belongs to another page or browser: reload the page");
            return;
        }
        String field;
        List<ComponentUploads.Announced> files = new ArrayList<>();
        try {
            JsonObject announcement = context.body().asJsonObject();
            field = announcement.getString("field");
            JsonArray list = announcement.getJsonArray("files");
            for (int i = 0; i < list.size(); i++) {
                JsonObject file = list.getJsonObject(i);
                String name = file.getString("name");
                long size = file.getLong("size");
                if (name == null || size < 0) {
                    throw new IllegalArgumentException("a file needs a name and a size");
                }
                String type = file.getString("type");
                files.add(new ComponentUploads.Announced(baseName(name), size,
                        type == null || type.isBlank() ? "application/octet-stream" : type));
            }
        } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            refuse(context, 400, "An announcement is {\"field\": name, \"files\": [{\"name\", \"size\", \"type\"}]}");
            return;
        }
        UploadLimits limits = field == null ? null : component.binding().uploadLimits(field);
        if (limits == null) {
            refuse(context, 400, component.binding().name() + " has no upload parameter '" + field + "'");
            return;
        }
        Accepted accepted = accept(component, field, limits, files,
                Session.languages(context.request().getHeader("Accept-Language")));
        if (accepted.ids() == null) {
            context.response().setStatusCode(accepted.status()).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("message", accepted.message()).encode());
            return;
        }
        context.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("ids", new JsonArray(accepted.ids())).put("chunk", config.uploadChunkSize()).encode());
    }

    /**
     * What an announcement gets: the upload ids, or the status (422 past a limit, 503 without room) and the message
     * the component shows under the field's name; {@code shown} completes once the component has rendered it.
     */
    public record Accepted(List<String> ids, int status, String message, CompletionStage<Void> shown) {
    }

    /** Checks announced files against the field's limits and the storage, and starts their uploads when they pass. */
    private Accepted accept(MountedComponent component, String field, UploadLimits limits,
            List<ComponentUploads.Announced> files, List<Locale.LanguageRange> languages) {
        String problem = problem(limits, files, languages);
        List<String> ids = problem != null ? null
                : component.uploads().start(component.id(), field, files, directory, storage);
        String handler = "upload:" + field;
        if (ids == null) {
            // Past a limit (422), or no room left among all uploads under way (503): the field shows why
            String message = problem != null ? problem
                    : messages.text("io.quarkiverse.live.upload.busy", Map.of(), languages);
            return new Accepted(null, problem != null ? 422 : 503, message, shown(component,
                    c -> c.errors().update(handler, Set.of(field), Map.of(field, message))));
        }
        withUploads.add(component);
        return new Accepted(ids, 200, null,
                shown(component, c -> c.errors().update(handler, Set.of(field), Map.of())));
    }

    /** Pushes the change to a joined component; to one that waits for its browser, makes it at once. */
    private CompletionStage<Void> shown(MountedComponent component, Consumer<MountedComponent> change) {
        if (component.joinedTo() == null) {
            change.accept(component);
            return CompletableFuture.completedFuture(null);
        }
        return pusher.push(component, change);
    }

    /**
     * Announces files for a component's upload field and stores their bytes at once, with the checks a browser's
     * announcement and chunks get: how the test API uploads ({@code quarkus-live-test}).
     *
     * @param contents the files' bytes, in the order of {@code files}
     * @throws IllegalArgumentException when the component has no upload parameter of that name
     */
    public Accepted store(MountedComponent component, String field, List<ComponentUploads.Announced> files,
            List<byte[]> contents, List<Locale.LanguageRange> languages) throws IOException {
        UploadLimits limits = component.binding().uploadLimits(field);
        if (limits == null) {
            throw new IllegalArgumentException(component.binding().name() + " has no upload parameter '" + field
                    + "'");
        }
        Accepted accepted = accept(component, field, limits, files, languages);
        if (accepted.ids() != null) {
            ComponentUploads uploads = component.uploads();
            for (int i = 0; i < files.size(); i++) {
                UploadEntry entry = uploads.entry(accepted.ids().get(i));
                Files.write(entry.path(), contents.get(i));
                finish(uploads, entry, contents.get(i).length);
            }
        }
        return accepted;
    }

    /** The first limit the files break, as the message the user reads; {@code null} when they keep them all. */
    private String problem(UploadLimits limits, List<ComponentUploads.Announced> files,
            List<Locale.LanguageRange> languages) {
        long maxSize = limits.maxSize() > 0 ? limits.maxSize() : config.maxUploadSize();
        if (files.size() > limits.fileCount()) {
            return messages.text("io.quarkiverse.live.upload.too-many", Map.of("max", String.valueOf(limits.fileCount())),
                    languages);
        }
        for (ComponentUploads.Announced file : files) {
            if (file.size() > maxSize) {
                return messages.text("io.quarkiverse.live.upload.too-large",
                        Map.of("file", file.name(), "max", bytes(maxSize)), languages);
            }
            if (!limits.accepts(file.name(), file.type())) {
                return messages.text("io.quarkiverse.live.upload.type",
                        Map.of("file", file.name(), "accept", String.join(", ", limits.accept())), languages);
            }
        }
        return null;
    }

    /**
     * Appends one chunk at the offset the server has: at most {@code quarkus.live.upload-chunk-size} bytes, never past
     * the announced size. A chunk cut off midway leaves the entry as it was before it, so the browser sends it again.
     */
    private void receive(RoutingContext context, MountedComponent component, UploadEntry entry) {
        HttpServerRequest request = context.request();
        long offset;
        long length;
        try {
            offset = Long.parseLong(request.getParam("offset"));
            length = Long.parseLong(request.getHeader("Content-Length"));
        } catch (NumberFormatException | NullPointerException e) {
            refuse(context, 400, "A chunk names its offset (?offset=n) and has a Content-Length");
            return;
        }
        ComponentUploads uploads = component.uploads();
        synchronized (uploads) {
            if (entry.writing || offset != entry.received) {
                context.response().setStatusCode(409).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("received", entry.received).encode());
                return;
            }
            if (length > config.uploadChunkSize() || offset + length > entry.size()) {
                refuse(context, 413, "A chunk is at most " + config.uploadChunkSize()
                        + " bytes and ends within the announced size");
                return;
            }
            entry.writing = true;
            entry.lastActivity = System.nanoTime();
        }
        request.pause();
        vertx.fileSystem().open(entry.path().toString(), new OpenOptions().setWrite(true).setCreate(true)
                .setAppend(false), opened -> {
                    if (opened.failed()) {
                        finish(uploads, entry, -1);
                        refuse(context, 500, "The upload cannot be stored");
                        return;
                    }
                    AsyncFile file = opened.result().setWritePos(offset);
                    long[] written = { 0 };
                    request.handler(buffer -> {
                        written[0] += buffer.length();
                        if (written[0] > length) {
                            request.connection().close();
                            return;
                        }
                        file.write(buffer);
                        if (file.writeQueueFull()) {
                            request.pause();
                            file.drainHandler(drained -> request.resume());
                        }
                    });
                    request.exceptionHandler(failure -> file.close(closed -> finish(uploads, entry, -1)));
                    request.endHandler(ended -> file.close(closed -> {
                        boolean whole = closed.succeeded() && written[0] == length;
                        long received = finish(uploads, entry, whole ? offset + length : -1);
                        pusher.pushOnce(component, "upload", ignored -> {
                        });
                        context.response().setStatusCode(whole ? 200 : 400)
                                .putHeader("Content-Type", "application/json")
                                .end(new JsonObject().put("received", received).encode());
                    }));
                    request.resume();
                });
    }

    /** Ends a chunk's write: the entry counts it when it arrived whole ({@code received} not negative). */
    private static long finish(ComponentUploads uploads, UploadEntry entry, long received) {
        synchronized (uploads) {
            entry.writing = false;
            entry.lastActivity = System.nanoTime();
            if (received >= 0) {
                entry.received = received;
            }
            return entry.received;
        }
    }

    private void expire(long idleMillis) {
        for (MountedComponent component : withUploads) {
            if (component.uploads().expire(TimeUnit.MILLISECONDS.toNanos(idleMillis))) {
                pusher.pushOnce(component, "upload", ignored -> {
                });
            }
        }
    }

    private static boolean isBrowserOf(MountedComponent component, HttpServerRequest request) {
        return component.browser() == null
                || component.browser().equals(BrowserBinding.fromCookieHeader(request.getHeader("Cookie")));
    }

    /** A file name without the directories some browsers send with it. */
    private static String baseName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /** A size as people read it: 512 bytes, 300 KB, 8 MB. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + " bytes";
        }
        if (size < 1024 * 1024) {
            return Math.round(size / 1024.0) + " KB";
        }
        double megabytes = size / (1024.0 * 1024.0);
        return megabytes == Math.rint(megabytes) ? (long) megabytes + " MB"
                : String.format(Locale.ROOT, "%.1f MB", megabytes);
    }

    private static void refuse(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "text/plain;charset=UTF-8").end(message);
    }
}
