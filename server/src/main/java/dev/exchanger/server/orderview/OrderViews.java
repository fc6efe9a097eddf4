package dev.exchanger.server.orderview;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.model.OrderDetailsDto;
import dev.exchanger.server.api.model.OrderDetailsResponseDto;
import dev.exchanger.server.api.model.OrderPageDto;
import dev.exchanger.server.api.model.OrderPageResponseDto;
import dev.exchanger.server.api.model.OrderStatusDto;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderMapper;
import dev.exchanger.server.order.OrderSearch;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import java.time.OffsetDateTime;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders as the operator and a partner see them (without secrets): a page of a search, and one
 * order with its history and IPNs. The operator's API and the partner's cabinet answer alike;
 * they differ only in which orders they may see, so both build their answers here.
 */
@Component
public class OrderViews {

    private final OrderService orders;
    private final IpnLog ipnLog;
    private final OrderMapper orderMapper;
    private final OrderViewMapper viewMapper;

    public OrderViews(OrderService orders, IpnLog ipnLog, OrderMapper orderMapper, OrderViewMapper viewMapper) {
        this.orders = orders;
        this.ipnLog = ipnLog;
        this.orderMapper = orderMapper;
        this.viewMapper = viewMapper;
    }

    /** One page of the orders matching every given filter, newest first: test orders or real ones, never both. */
    public OrderPageResponseDto page(OrderStatusDto status, String partner, String partnerId, String xmlFrom, String xmlTo,
                                  OffsetDateTime createdFrom, OffsetDateTime createdTo, boolean test, int page, int size) {
        OrderSearch search = new OrderSearch(
                status == null ? null : OrderStatus.fromWireName(status.getValue()),
                partner, partnerId, xmlFrom, xmlTo,
                createdFrom == null ? null : createdFrom.toInstant(),
                createdTo == null ? null : createdTo.toInstant(), test);
        Page<ExchangeOrder> found = orders.search(search, page, size);
        OrderPageDto data = new OrderPageDto()
                .items(found.getContent().stream().map(orderMapper::toOrderView).toList())
                .page(page).size(size).total(found.getTotalElements());
        return success(new OrderPageResponseDto(), data);
    }

    /**
     * The order with its history and every IPN with its attempts, read in one transaction (the
     * operator's status change answers this, so it is on a hot path).
     */
    @Transactional(readOnly = true)
    public OrderDetailsResponseDto details(ExchangeOrder order) {
        OrderDetailsDto data = new OrderDetailsDto()
                .order(orderMapper.toOrderView(order))
                .history(viewMapper.toHistory(orders.history(order)))
                .ipn(viewMapper.toIpnDeliveries(ipnLog.forOrder(order.getId())));
        return success(new OrderDetailsResponseDto(), data);
    }
}
