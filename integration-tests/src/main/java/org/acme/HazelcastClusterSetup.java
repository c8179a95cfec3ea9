package org.acme;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Gives Vert.x its Hazelcast cluster manager when the application is started clustered
 * ({@code quarkus.vertx.cluster.clustered=true}); Hazelcast then reads {@code cluster.xml} from the classpath, or the
 * file named by the {@code vertx.hazelcast.config} system property.
 * <p>
 * Vert.x would find the manager by itself through the ServiceLoader, but Quarkus 3.32 cannot record it at build time
 * (quarkusio/quarkus#53613), so application.properties hides vertx-hazelcast's service file and this bean stands in.
 * Without clustering it does nothing.
 */
@ApplicationScoped
public class HazelcastClusterSetup implements VertxOptionsCustomizer {

    @ConfigProperty(name = "quarkus.vertx.cluster.clustered", defaultValue = "false")
    boolean clustered;

    @Override
    @SuppressWarnings("deprecation") // VertxOptions.setClusterManager is the one way Quarkus lets an application set it
    public void accept(VertxOptions options) {
        if (clustered && options.getClusterManager() == null) {
            options.setClusterManager(new HazelcastClusterManager());
        }
    }
}
