package dev.exchanger.server.order;

import dev.exchanger.server.api.OrdersApi;
import dev.exchanger.server.api.model.CreateOrderRequest;
import dev.exchanger.server.api.model.Order;
import dev.exchanger.server.api.model.OrderResponse;
import dev.exchanger.server.api.model.UpdateOrderStatusRequest;
import dev.exchanger.server.web.ApiException;
import dev.exchanger.server.web.RequestIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrdersController implements OrdersApi {

    private final OrderService orders;
    private final OrderMapper mapper;
    private final OrderLinks links;

    public OrdersController(OrderService orders, OrderMapper mapper, OrderLinks links) {
        this.orders = orders;
        this.mapper = mapper;
        this.links = links;
    }

    @Override
    public ResponseEntity<OrderResponse> createOrder(CreateOrderRequest request, String idempotencyKey) {
        return ok(mapper.toOrderDto(orders.create(request), links));
    }

    @Override
    public ResponseEntity<OrderResponse> getOrder(Long orderUID, String orderSecret, String type) {
        boolean payment = "payment".equals(type);
        if (!payment && !"order".equals(type)) {
            throw ApiException.invalidParam("type", null, "type", "format");
        }
        ExchangeOrder order = orders.get(orderUID, orderSecret);
        Order dto = mapper.toOrderDto(order, links);
        if (payment) {
            dto.setPayment(mapper.toPaymentInstructions(order));
        }
        return ok(dto);
    }

    @Override
    public ResponseEntity<OrderResponse> updateOrderStatus(UpdateOrderStatusRequest request) {
        OrderStatus next = OrderStatus.fromWireName(request.getStatus().getValue());
        return ok(mapper.toOrderDto(orders.changeStatusByClient(request.getOrderUID(), request.getOrderSecret(), next), links));
    }

    private static ResponseEntity<OrderResponse> ok(Order order) {
        return ResponseEntity.ok(new OrderResponse().success(true).data(order).requestId(RequestIds.current()));
    }
}
