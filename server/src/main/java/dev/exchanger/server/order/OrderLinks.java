package dev.exchanger.server.order;

import dev.exchanger.server.web.PublicBaseUrl;
import org.springframework.stereotype.Component;

/** The hosted pages of an order: {@code /{lang}/payment/{uid}/{secret}} and {@code /{lang}/order/{uid}/{secret}}. */
@Component
public class OrderLinks {

    private final PublicBaseUrl baseUrl;

    public OrderLinks(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String paymentUrl(ExchangeOrder order) {
        return page(order, "payment");
    }

    public String orderUrl(ExchangeOrder order) {
        return page(order, "order");
    }

    private String page(ExchangeOrder order, String page) {
        return baseUrl.get() + "/" + order.getLang() + "/" + page + "/" + order.getUid() + "/" + order.getSecret();
    }
}
