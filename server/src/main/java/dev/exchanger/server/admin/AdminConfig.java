package dev.exchanger.server.admin;

import dev.exchanger.server.web.ErrorWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AdminConfig {

    @Bean
    FilterRegistrationBean<AdminApiKeyFilter> adminApiKeyFilter(AdminProperties properties, ErrorWriter errors) {
        FilterRegistrationBean<AdminApiKeyFilter> registration = new FilterRegistrationBean<>(new AdminApiKeyFilter(properties, errors));
        registration.addUrlPatterns("/admin/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
