package org.acme;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import io.quarkiverse.live.Live;
import io.quarkiverse.live.LiveConnection;
import io.quarkiverse.live.Presence;
import io.quarkiverse.live.Shared;

/**
 * A dashboard of figures sampled every second by {@link MetricsSampler} and pushed to every open dashboard without a
 * click. The day each user picks is theirs alone (plain state); Refresh takes a sample at once and counts the refresh,
 * both shared, so every open dashboard shows them.
 */
@Live(path = "/dashboard")
public class Dashboard {

    static final String WATCHING = "dashboard";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");

    @Inject
    MetricsSampler sampler;

    @Inject
    Presence presence;

    @Inject
    LiveConnection connection;

    /** The latest sample, the same in every dashboard; {@code null} until the first one is taken. */
    @Shared(MetricsSampler.KEY)
    Metrics metrics;

    /** How many times anyone pressed Refresh, and when last. */
    @Shared("dashboard-refreshes")
    Refreshes refreshes = new Refreshes(0, null);

    /** The day this user looks at: theirs alone. */
    LocalDate day = LocalDate.now(ZoneOffset.UTC);

    void onMount() {
        // Counted by connection: two tabs are two dashboards open
        presence.track(WATCHING, connection.id());
    }

    void pick(@NotNull LocalDate day) {
        this.day = day;
    }

    /** Takes a sample now and counts the refresh: both are shared, so every open dashboard shows them. */
    void refresh() {
        metrics = sampler.sample();
        refreshes = new Refreshes(refreshes.count() + 1, TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    /** How many dashboards are open. */
    int watching() {
        return presence.list(WATCHING).size();
    }

    /** The refresh count and the time of the last refresh, {@code null} before the first. */
    public record Refreshes(int count, String lastAt) {
    }
}
