package dev.exchanger.server.web;

import dev.exchanger.server.api.model.OrderStatusDto;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    /**
     * Enum query parameters by their wire names ({@code ?status=inProgress}), as the spec writes
     * them; date-times also as generated clients write them ({@link QueryDateTimes}).
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, OrderStatusDto.class, OrderStatusDto::fromValue);
        registry.addConverter(new QueryDateTimes());
    }


    /** Bracket-notation form bodies, for the server only (the Jackson converter keeps JSON). */
    @Bean
    ServerHttpMessageConvertersCustomizer bracketFormConverter(JsonMapper jsonMapper) {
        return builder -> builder.addCustomConverter(new BracketForm(jsonMapper));
    }

    /**
     * JSON values are taken only as the spec types them: a number or boolean is not a string
     * (no order with {@code "email": "-940.3"}), a number is not a boolean; such a body is a 400
     * naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer strictStrings() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // nor a number for a boolean (agreement: -178); the form's "true"/"false" strings still read
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** No key given twice, no control character, no list over its limit in any body: {@link StrictJson}. */
    @Bean
    JsonMapperBuilderCustomizer strictInput() {
        return StrictJson::apply;
    }

    /**
     * Nor is a fraction an integer: no route with {@code "paymentWindowMinutes": 30.5} cut to 30,
     * but a 400 naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer wholeIntegers() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    FilterRegistrationBean<QueryCharacters> queryCharacters(ErrorWriter errors) {
        FilterRegistrationBean<QueryCharacters> registration = new FilterRegistrationBean<>(new QueryCharacters(errors));
        registration.addUrlPatterns("/public/*", "/user/*", "/admin/*", "/service/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
        return registration;
    }

    @Bean
    @ConditionalOnExpression("${exchanger.web.max-requests-per-address:64} > 0")
    FilterRegistrationBean<RequestsPerAddress> requestsPerAddress(WebProperties properties, ErrorWriter errors) {
        FilterRegistrationBean<RequestsPerAddress> registration =
                new FilterRegistrationBean<>(new RequestsPerAddress(properties.maxRequestsPerAddress(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        return registration;
    }

    /**
     * After Spring Security's filters (order -100): an unauthenticated request is refused before
     * its body is read, and the authentication of one whose body is read asynchronously is
     * restored from the request on its second dispatch.
     */
    @Bean
    FilterRegistrationBean<RequestBodies> requestBodies(WebProperties properties, ErrorWriter errors) {
        FilterRegistrationBean<RequestBodies> registration = new FilterRegistrationBean<>(
                new RequestBodies(properties.maxBodyBytes(), properties.bodyTimeout(), errors));
        registration.addUrlPatterns("/public/*", "/user/*", "/admin/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(-90);
        return registration;
    }
}
