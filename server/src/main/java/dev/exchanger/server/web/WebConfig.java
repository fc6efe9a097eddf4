package dev.exchanger.server.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import dev.exchanger.server.api.model.OrderStatus;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    /** Enum query parameters by their wire names ({@code ?status=inProgress}), as the spec writes them. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, OrderStatus.class, OrderStatus::fromValue);
    }


    /** Bracket-notation form bodies, for the server only (the Jackson converter keeps JSON). */
    @Bean
    ServerHttpMessageConvertersCustomizer bracketFormConverter(JsonMapper jsonMapper) {
        return builder -> builder.addCustomConverter(new BracketForm(jsonMapper));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(WebProperties properties, ErrorWriter errors) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxBodyBytes(), errors));
        registration.addUrlPatterns("/public/*", "/user/*", "/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
