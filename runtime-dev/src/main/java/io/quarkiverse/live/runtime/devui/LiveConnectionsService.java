package io.quarkiverse.live.runtime.devui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.live.runtime.component.MountedComponent;
import io.quarkiverse.live.runtime.transport.Connections;
import io.quarkiverse.live.runtime.transport.Session;
import io.smallrye.mutiny.Multi;

/**
 * The Dev UI's view of the open live connections, read on demand: the card asks once, then follows a stream that lists
 * them again every 2 seconds. It only reads what the sessions already hold, so an application with the card closed
 * pays nothing for it.
 */
@Singleton
public class LiveConnectionsService {

    static final Duration REFRESH = Duration.ofSeconds(2);

    @Inject
    Connections connections;

    /** The open connections, oldest first. */
    public List<LiveConnectionView> getConnections() {
        List<LiveConnectionView> views = new ArrayList<>();
        for (Session session : connections.open()) {
            if (!session.isClosed()) {
                views.add(view(session));
            }
        }
        views.sort(Comparator.comparing(LiveConnectionView::connectedSince));
        return views;
    }

    /** The same list every {@link #REFRESH}, for as long as the card is open. */
    public Multi<List<LiveConnectionView>> streamConnections() {
        return Multi.createFrom().ticks().every(REFRESH).map(tick -> getConnections());
    }

    private static LiveConnectionView view(Session session) {
        List<LiveConnectionView.Component> components = new ArrayList<>();
        long stateSize = 0;
        for (MountedComponent component : session.components()) {
            String html = component.lastHtml();
            int size = html == null ? 0 : html.length();
            stateSize += size;
            components.add(new LiveConnectionView.Component(component.binding().name(), component.id(), size));
        }
        components.sort(Comparator.comparing(LiveConnectionView.Component::name));
        return new LiveConnectionView(session.channel().describe(),
                Instant.ofEpochMilli(session.connectedAtMillis()).toString(), session.handledEvents(),
                session.channel().sentCharacters(), stateSize, components);
    }
}
