package dev.exchanger.server.order;

import dev.exchanger.server.web.WebProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The hosted pages of an order: {@code /{lang}/payment/{uid}/{secret}} and {@code /{lang}/order/{uid}/{secret}}. */
@Component
public class OrderLinks {

    private final String configuredBaseUrl;

    public OrderLinks(WebProperties properties) {
        String base = properties.publicBaseUrl();
        this.configuredBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String paymentUrl(ExchangeOrder order) {
        return page(order, "payment");
    }

    public String orderUrl(ExchangeOrder order) {
        return page(order, "order");
    }

    private String page(ExchangeOrder order, String page) {
        return baseUrl() + "/" + order.getLang() + "/" + page + "/" + order.getUid() + "/" + order.getSecret();
    }

    private String baseUrl() {
        return configuredBaseUrl.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredBaseUrl;
    }
}
