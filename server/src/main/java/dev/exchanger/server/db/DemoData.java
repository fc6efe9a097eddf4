package dev.exchanger.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo currencies and routes (made-up payment addresses) are the migration
 * {@code V2__demo_routes.sql} in {@code classpath:db/demo}, a Flyway location added only:
 * <ul>
 *   <li>in demo mode ({@link RunMode}) on a database Flyway has not migrated yet, so the quick
 *       start answers at once; and</li>
 *   <li>on a database that applied V2 already (every database made before the demo data moved
 *       out of {@code db/migration}), so that Flyway's validation still finds the migration it
 *       recorded, with the same checksum, and changes nothing: no operator's data is deleted,
 *       and no validation is loosened.</li>
 * </ul>
 * A fresh production database never gets them. A database first migrated in production and
 * then started in demo mode stays without them (V2 would have to run out of order).
 */
@Component
class DemoData implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final RunMode mode;

    DemoData(Environment environment) {
        this.mode = RunMode.of(environment);
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        History history = history(configuration);
        boolean demo = mode == RunMode.DEMO && history == History.NONE;
        if (demo || history == History.WITH_DEMO) {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(LOCATION));
            configuration.locations(locations.toArray(Location[]::new));
        }
        if (demo) {
            log.info("Demo mode: a new database gets the demo currencies and routes (made-up payment addresses)");
        } else if (mode == RunMode.DEMO && history == History.WITHOUT_DEMO) {
            log.warn("Demo mode on a database first migrated in production: it gets no demo routes");
        }
    }

    enum History { NONE, WITH_DEMO, WITHOUT_DEMO }

    /** Whether Flyway's history table exists in the schema Flyway uses, and holds version 2. */
    private static History history(FluentConfiguration configuration) {
        DataSource dataSource = configuration.getDataSource();
        String[] schemas = configuration.getSchemas();
        try (Connection connection = dataSource.getConnection()) {
            String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                    : schemas.length > 0 ? schemas[0] : connection.getSchema();
            String table = schema + "." + configuration.getTable();
            try (PreparedStatement exists = connection.prepareStatement("select to_regclass(quote_ident(?) || '.' || quote_ident(?))")) {
                exists.setString(1, schema);
                exists.setString(2, configuration.getTable());
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        return History.NONE;
                    }
                }
            }
            try (PreparedStatement v2 = connection.prepareStatement("select count(*) filter (where version = '2' and success),"
                    + " count(*) from " + quoted(schema) + "." + quoted(configuration.getTable()));
                 ResultSet rs = v2.executeQuery()) {
                rs.next();
                log.debug("Flyway history {}: {} rows, version 2 applied: {}", table, rs.getLong(2), rs.getLong(1) > 0);
                return rs.getLong(2) == 0 ? History.NONE : rs.getLong(1) > 0 ? History.WITH_DEMO : History.WITHOUT_DEMO;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read Flyway's history table before migrating", e);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
