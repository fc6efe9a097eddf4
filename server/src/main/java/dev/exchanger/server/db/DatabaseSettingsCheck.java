package dev.exchanger.server.db;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Stops the start, before any bean is made, when the database settings cannot be what the
 * operator meant: production ({@link RunMode}) without {@code spring.datasource.url}, a URL that
 * is not a PostgreSQL JDBC URL, or no database at all with the embedded one switched off. The
 * message names the setting; nothing falls back to a database the operator did not ask for.
 */
@Component
class DatabaseSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String URL = "spring.datasource.url (SPRING_DATASOURCE_URL)";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        RunMode mode = RunMode.of(environment);
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            if (!url.trim().startsWith("jdbc:postgresql:")) {
                // the value itself is not repeated: it may hold a password
                throw new StartupSettingException(URL + " is set, but is not a PostgreSQL JDBC URL.",
                        "Write it as jdbc:postgresql://HOST:5432/DATABASE, with the user and password in"
                                + " spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_USERNAME,"
                                + " SPRING_DATASOURCE_PASSWORD).");
            }
        } else if (mode == RunMode.PRODUCTION) {
            throw new StartupSettingException("No database is configured: " + URL + " is not set, and production"
                    + " (exchanger.mode, EXCHANGER_MODE, unset or 'production') never runs on an embedded database.",
                    "Set SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/DATABASE with SPRING_DATASOURCE_USERNAME and"
                            + " SPRING_DATASOURCE_PASSWORD. For the quick start or a demo only, set EXCHANGER_MODE=demo:"
                            + " an embedded PostgreSQL with demo routes.");
        } else if (!environment.getProperty("exchanger.embedded-database.enabled", Boolean.class, true)) {
            throw new StartupSettingException("No database is configured: " + URL + " is not set, and"
                    + " exchanger.embedded-database.enabled is false.",
                    "Set SPRING_DATASOURCE_URL, or let the demo start its embedded PostgreSQL.");
        }
    }
}
