package dev.exchanger.server.ratelimit;

import dev.exchanger.server.web.ErrorWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;

/**
 * The rate limits ({@code exchanger.rate-limit.*}), unless {@code enabled} is false: the
 * address limits as a filter before Spring Security (a refused request costs no key check,
 * no body read, no database), the partner limits as interceptors once the key is accepted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "exchanger.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig implements WebMvcConfigurer {

    private final RateLimitProperties limits;
    private final TooManyRequests answer;

    RateLimitConfig(RateLimitProperties limits, ErrorWriter errors, ITemplateEngine templates) {
        this.limits = limits;
        this.answer = new TooManyRequests(errors, templates);
    }

    @Bean
    FilterRegistrationBean<AddressLimits> addressLimits() {
        FilterRegistrationBean<AddressLimits> registration = new FilterRegistrationBean<>(new AddressLimits(
                buckets(limits.createPerAddress()), buckets(limits.lookupPerAddress()),
                buckets(limits.failuresPerAddress()), answer));
        registration.addUrlPatterns("/*");
        // after the request id and the pages' headers, which the refusal carries too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PartnerLimit(buckets(limits.createPerPartner()),
                        "Too many orders created with this partner's keys", answer))
                .addPathPatterns("/public/exchanger/order/create");
        registry.addInterceptor(new PartnerLimit(buckets(limits.testIpnPerPartner()),
                        "Too many test IPNs for this partner", answer))
                .addPathPatterns("/user/exchanger/ipn/test");
    }

    private Buckets buckets(RateLimitProperties.Limit limit) {
        return new Buckets(limit, limits.maxClients());
    }
}
