package io.quarkiverse.live.runtime.devui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.shared.SharedCodec;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.Session;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The Dev UI's view of the open live connections, read on demand: the card asks once, then follows a stream that lists
 * them again every 2 seconds. Counters are read as the sessions already keep them; only the state sizes take work,
 * one short task per component, so an application with the card closed pays nothing for it.
 */
@Singleton
public class LiveConnectionsService {

    static final Duration REFRESH = Duration.ofSeconds(2);

    @Inject
    Connections connections;

    @Inject
    SharedCodec codec;

    /** The open connections, oldest first. */
    public Uni<List<LiveConnectionView>> getConnections() {
        List<Session> open = new ArrayList<>();
        for (Session session : connections.open()) {
            if (!session.isClosed()) {
                open.add(session);
            }
        }
        open.sort(Comparator.comparingLong(Session::connectedAtMillis));
        List<CompletableFuture<LiveConnectionView>> views = new ArrayList<>();
        for (Session session : open) {
            views.add(view(session));
        }
        CompletableFuture<List<LiveConnectionView>> all = CompletableFuture
                .allOf(views.toArray(CompletableFuture[]::new))
                .thenApply(done -> views.stream().map(CompletableFuture::join).toList());
        return Uni.createFrom().completionStage(all);
    }

    /** The same list every {@link #REFRESH}, for as long as the card is open. */
    public Multi<List<LiveConnectionView>> streamConnections() {
        // A tick that comes while the last list is still being measured is dropped, not queued
        return Multi.createFrom().ticks().every(REFRESH).onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> getConnections());
    }

    private CompletableFuture<LiveConnectionView> view(Session session) {
        List<MountedComponent> joined = new ArrayList<>(session.components());
        List<CompletableFuture<Long>> sizes = new ArrayList<>();
        for (MountedComponent component : joined) {
            sizes.add(StateSize.of(component, codec));
        }
        return CompletableFuture.allOf(sizes.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<LiveConnectionView.Component> components = new ArrayList<>();
            long stateSize = 0;
            long htmlKept = 0;
            for (int i = 0; i < joined.size(); i++) {
                MountedComponent component = joined.get(i);
                long size = sizes.get(i).join();
                String html = component.lastHtml();
                int htmlLength = html == null ? 0 : html.length();
                stateSize = stateSize == StateSize.UNKNOWN || size == StateSize.UNKNOWN ? StateSize.UNKNOWN
                        : stateSize + size;
                htmlKept += htmlLength;
                components.add(new LiveConnectionView.Component(component.binding().name(), component.id(), size,
                        htmlLength));
            }
            components.sort(Comparator.comparing(LiveConnectionView.Component::name));
            return new LiveConnectionView(session.channel().describe(),
                    Instant.ofEpochMilli(session.connectedAtMillis()).toString(), session.handledEvents(),
                    session.channel().sentCharacters(), stateSize, htmlKept, components);
        });
    }
}
