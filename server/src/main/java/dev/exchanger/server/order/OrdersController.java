package dev.exchanger.server.order;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.OrdersApi;
import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.OrderDto;
import dev.exchanger.server.api.model.OrderResponseDto;
import dev.exchanger.server.api.model.UpdateOrderStatusRequestDto;
import dev.exchanger.server.security.ApiCaller;
import dev.exchanger.server.support.InvalidParam;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrdersController implements OrdersApi {

    /** Answered {@code true} on the stored answer to a repeated {@code Idempotency-Key}. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final OrderService orders;
    private final IdempotentOrders idempotentOrders;
    private final OrderMapper mapper;
    private final OrderLinks links;

    public OrdersController(OrderService orders, IdempotentOrders idempotentOrders, OrderMapper mapper, OrderLinks links) {
        this.orders = orders;
        this.idempotentOrders = idempotentOrders;
        this.mapper = mapper;
        this.links = links;
    }

    @Override
    public ResponseEntity<OrderResponseDto> createOrder(CreateOrderRequestDto request, String idempotencyKey) {
        NewOrder order = OrderMapper.toNewOrder(request);
        OrderOwner owner = ApiCaller.current().map(caller -> new OrderOwner(caller.partnerId(), caller.test())).orElse(OrderOwner.NONE);
        if (idempotencyKey == null) {
            return ResponseEntity.ok(created(orders.create(order, owner)));
        }
        IdempotentOrders.Answer<OrderResponseDto> answer = idempotentOrders.create(idempotencyScope(owner), idempotencyKey, request,
                OrderResponseDto.class, () -> created(orders.create(order, owner)));
        return answer.replayed()
                ? ResponseEntity.ok().header(IDEMPOTENT_REPLAYED, "true").body(answer.body())
                : ResponseEntity.ok(answer.body());
    }

    /**
     * Whose {@code Idempotency-Key}s this request's are: the id of the partner whose
     * {@code X-Api-Key} it carries, or {@code ""} for every caller without one.
     */
    static String idempotencyScope(OrderOwner owner) {
        return owner.partnerId() != null ? owner.partnerId() : "";
    }

    private OrderResponseDto created(ExchangeOrder order) {
        return envelope(mapper.toOrderDto(order, links));
    }

    @Override
    public ResponseEntity<OrderResponseDto> getOrder(Long orderUID, String orderSecret, String type) {
        boolean payment = "payment".equals(type);
        if (!payment && !"order".equals(type)) {
            throw InvalidParam.param("type", InvalidParam.Err.FORMAT);
        }
        ExchangeOrder order = orders.get(orderUID, orderSecret);
        OrderDto dto = mapper.toOrderDto(order, links);
        if (payment) {
            dto.setPayment(mapper.toPaymentInstructions(order));
        }
        return ok(dto);
    }

    @Override
    public ResponseEntity<OrderResponseDto> updateOrderStatus(UpdateOrderStatusRequestDto request) {
        OrderStatus next = OrderStatus.fromWireName(request.getStatus().getValue());
        return ok(mapper.toOrderDto(orders.changeStatusByClient(request.getOrderUID(), request.getOrderSecret(), next), links));
    }

    private static ResponseEntity<OrderResponseDto> ok(OrderDto order) {
        return ResponseEntity.ok(envelope(order));
    }

    private static OrderResponseDto envelope(OrderDto order) {
        return success(new OrderResponseDto(), order);
    }
}
