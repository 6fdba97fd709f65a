package org.symbiosiskb.analytics;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Keeps the flow projection of every database whose Neo4j has these classes: Neo4j finds this
 * factory through {@code META-INF/services/org.neo4j.kernel.extension.ExtensionFactory} (on a
 * server, the plugin jar in the plugins folder is on its classpath; embedded and in the test
 * harness, the service's classpath), starts one instance per database as the database starts, and
 * stops it as the database stops. On start it registers the transaction event listener that keeps
 * the projection current ({@link FlowProjections}); the system database has none.
 *
 * <p>The same registration APOC and the Graph Data Science library use for their listeners: a
 * {@link ExtensionType#DATABASE} extension whose lifecycle registers with the
 * {@link DatabaseManagementService}. It runs on every member of a cluster that has the plugin.
 */
public final class FlowProjectionExtension extends ExtensionFactory<FlowProjectionExtension.Dependencies> {

    /** What Neo4j hands the extension, resolved by type from the database's dependencies. */
    public interface Dependencies {
        GraphDatabaseAPI database();

        DatabaseManagementService databaseManagementService();
    }

    public FlowProjectionExtension() {
        super(ExtensionType.DATABASE, "symbiosis-kb-flow-projection");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        GraphDatabaseAPI db = dependencies.database();
        DatabaseManagementService dbms = dependencies.databaseManagementService();
        return new LifecycleAdapter() {
            private TransactionEventListener<?> listener;

            @Override
            public void start() {
                if (!GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(db.databaseName())) {
                    listener = FlowProjections.attach(db);
                    dbms.registerTransactionEventListener(db.databaseName(), listener);
                }
            }

            @Override
            public void stop() {
                if (listener != null) {
                    dbms.unregisterTransactionEventListener(db.databaseName(), listener);
                    FlowProjections.detach(db);
                    listener = null;
                }
            }
        };
    }
}
