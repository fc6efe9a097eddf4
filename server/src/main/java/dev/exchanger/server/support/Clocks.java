package dev.exchanger.server.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class Clocks {

    /** The one clock order times come from, so that tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
