package dev.exchanger.server.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class WebConfig {

    /** Bracket-notation form bodies, for the server only (the Jackson converter keeps JSON). */
    @Bean
    ServerHttpMessageConvertersCustomizer bracketFormConverter(JsonMapper jsonMapper) {
        return builder -> builder.addCustomConverter(new BracketForm(jsonMapper));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(WebProperties properties, JsonMapper jsonMapper) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxBodyBytes(), jsonMapper));
        registration.addUrlPatterns("/public/*", "/user/*", "/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
