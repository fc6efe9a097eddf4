package dev.exchanger.server.db;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * What the server runs as, from {@code exchanger.mode} (environment {@code EXCHANGER_MODE}).
 * <ul>
 *   <li>{@code production}, the default: a configured PostgreSQL ({@code spring.datasource.url})
 *       is required, and no demo data is ever loaded;</li>
 *   <li>{@code demo}, the quick start: without a configured database an embedded PostgreSQL is
 *       started on a data directory that survives restarts, and a fresh database gets the demo
 *       currencies and routes (made-up payment addresses).</li>
 * </ul>
 */
public enum RunMode {
    PRODUCTION, DEMO;

    static final String PROPERTY = "exchanger.mode";

    /** The mode the environment asks for (unset or empty: production); a value that is neither stops the start, naming the setting. */
    public static RunMode of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "").trim();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "production" -> PRODUCTION;
            case "demo" -> DEMO;
            default -> throw new StartupSettingException(
                    "exchanger.mode (EXCHANGER_MODE) is '" + value + "', which is neither 'production' nor 'demo'.",
                    "Leave it unset (or 'production') for a real exchanger on your PostgreSQL; 'demo' only for the"
                            + " quick start and demos (embedded database, demo routes with made-up payment addresses).");
        };
    }
}
