package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.FieldValueDto;
import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderExpiryTest extends ApiTest {

    @Autowired
    OrderService orders;

    @Autowired
    OrderExpiry expiry;

    @Test
    void unpaidOrderPastItsPaymentWindowIsDeletedWithHistoryAndIpn() {
        ExchangeOrder due = create();
        ExchangeOrder paid = create();
        ExchangeOrder fresh = create();
        orders.changeStatusByClient(paid.getUid(), paid.getSecret(), OrderStatus.IN_PROGRESS);
        jdbc.update("update exchange_order set expires_at = now() - interval '1 minute' where id in (?, ?)", due.getId(), paid.getId());

        expiry.expireDue();

        assertThat(status(due)).isEqualTo("deleted");
        assertThat(status(paid)).isEqualTo("inProgress");
        assertThat(status(fresh)).isEqualTo("new");
        assertThat(jdbc.queryForMap("select from_status, to_status, actor from order_status_change where order_id = ? order by id desc limit 1", due.getId()))
                .containsEntry("from_status", "new").containsEntry("to_status", "deleted").containsEntry("actor", "system:expiry");
        assertThat(jdbc.queryForList("select new_status from ipn_delivery where order_id = ?", String.class, due.getId()))
                .containsExactly("deleted");
    }

    private String status(ExchangeOrder order) {
        return jdbc.queryForObject("select status from exchange_order where id = ?", String.class, order.getId());
    }

    private ExchangeOrder create() {
        return orders.create(OrderMapper.toNewOrder(anOrder()), OrderOwner.NONE);
    }

    /** An order on the demo route whose IPNs go to a closed port. */
    static CreateOrderRequestDto anOrder() {
        return new CreateOrderRequestDto()
                .routeId("5d8e5f4ab80b7b4cd75a6402")
                .amount(new BigDecimal("1"))
                .toValues(List.of(new FieldValueDto().key("5d8e5f4ab80b7b4cd75a6414").value("Z123456789012")))
                .routeValues(List.of(new FieldValueDto().key("5d8e5f4ab80b7b4cd75a6415").value("client@example.com")))
                .ipnUrl("http://127.0.0.1:9/ipn")
                .ipnSecret("S");
    }
}
