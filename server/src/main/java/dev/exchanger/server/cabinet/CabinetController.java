package dev.exchanger.server.cabinet;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.CabinetApi;
import dev.exchanger.server.api.model.IpnDeliveryResponseDto;
import dev.exchanger.server.api.model.IpnNotificationDto;
import dev.exchanger.server.api.model.IpnToValueDto;
import dev.exchanger.server.api.model.OrderDetailsResponseDto;
import dev.exchanger.server.api.model.OrderPageResponseDto;
import dev.exchanger.server.api.model.OrderStatusChangeRequestDto;
import dev.exchanger.server.api.model.OrderStatusDto;
import dev.exchanger.server.api.model.TestIpnRequestDto;
import dev.exchanger.server.api.model.TestIpnResponseDto;
import dev.exchanger.server.api.model.TestIpnResultDto;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.ipn.IpnRedelivery;
import dev.exchanger.server.ipn.TestIpnSender;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderSearch;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.orderview.OrderViewMapper;
import dev.exchanger.server.orderview.OrderViews;
import dev.exchanger.server.security.ApiCaller;
import dev.exchanger.server.web.ApiException;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's cabinet: only the orders created with the calling partner's keys exist here;
 * everything else is answered as unknown. Thin: it maps and calls the order and IPN services.
 */
@RestController
public class CabinetController implements CabinetApi {

    private final OrderService orders;
    private final OrderViews views;
    private final IpnRedelivery redelivery;
    private final TestIpnSender testIpn;
    private final OrderViewMapper viewMapper;

    public CabinetController(OrderService orders, OrderViews views, IpnRedelivery redelivery, TestIpnSender testIpn,
                             OrderViewMapper viewMapper) {
        this.orders = orders;
        this.views = views;
        this.redelivery = redelivery;
        this.testIpn = testIpn;
        this.viewMapper = viewMapper;
    }

    @Override
    public ResponseEntity<OrderPageResponseDto> partnerOrderHistory(OrderStatusDto status, String xmlFrom, String xmlTo,
                                                                 OffsetDateTime createdFrom, OffsetDateTime createdTo,
                                                                 Integer page, Integer size) {
        OrderSearch search = viewMapper.toSearch(status, null, ApiCaller.currentPartnerId(), xmlFrom, xmlTo, createdFrom, createdTo,
                ApiCaller.currentIsTest());
        return ResponseEntity.ok(viewMapper.toPageAnswer(orders.search(search, page, size), page, size));
    }

    @Override
    public ResponseEntity<OrderDetailsResponseDto> partnerOrderDetails(Long orderUID) {
        return ResponseEntity.ok(viewMapper.toDetailsAnswer(views.details(orders.getForPartner(orderUID, ApiCaller.currentPartnerId(), ApiCaller.currentIsTest()))));
    }

    /** The sandbox: a test key moves one of its partner's test orders; a live key is 403. */
    @Override
    public ResponseEntity<OrderDetailsResponseDto> partnerChangeTestOrderStatus(Long orderUID, OrderStatusChangeRequestDto request) {
        if (!ApiCaller.currentIsTest()) {
            throw ApiException.forbidden("Only a test key may move orders; real orders are moved by the operator");
        }
        OrderStatus next = OrderStatus.fromWireName(request.getStatus().getValue());
        return ResponseEntity.ok(viewMapper.toDetailsAnswer(views.details(orders.changeTestOrderStatusByPartner(orderUID, ApiCaller.currentPartnerId(), next,
                request.getComment()))));
    }

    @Override
    public ResponseEntity<IpnDeliveryResponseDto> redeliverIpn(Long orderUID, String webhookId) {
        IpnLog.Entry queued = redelivery.redeliver(orderUID, ApiCaller.currentPartnerId(), ApiCaller.currentIsTest(), webhookId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(success(new IpnDeliveryResponseDto(), viewMapper.toIpnDelivery(queued)));
    }

    @Override
    public ResponseEntity<TestIpnResponseDto> sendTestIpn(TestIpnRequestDto request) {
        String newStatus = request.getNewStatus() == null ? OrderStatusDto.IN_PROGRESS.getValue() : request.getNewStatus().getValue();
        TestIpnSender.Sent sent = testIpn.send(request.getIpnUrl(), request.getIpnSecret(), newStatus);
        TestIpnResultDto data = new TestIpnResultDto()
                .webhookId(sent.webhookId())
                .delivered(sent.delivered())
                .httpStatus(sent.httpStatus())
                .latencyMs((int) Math.min(Integer.MAX_VALUE, sent.latencyMillis()))
                .error(sent.error())
                .notification(notification(sent));
        return ResponseEntity.ok(success(new TestIpnResponseDto(), data));
    }

    /** The form that was posted, field by field. */
    private static IpnNotificationDto notification(TestIpnSender.Sent sent) {
        var fields = sent.fields();
        return new IpnNotificationDto()
                .orderUID(fields.orderUID())
                .orderId(fields.orderId())
                .newStatus(OrderStatusDto.fromValue(fields.newStatus()))
                .inAmount(fields.inAmount())
                .outAmount(fields.outAmount())
                .xmlFrom(fields.xmlFrom())
                .xmlTo(fields.xmlTo())
                .timestamp(fields.timestamp())
                .toValues(fields.toValues().stream()
                        .map(v -> new IpnToValueDto().key(v.key()).name(v.name()).value(v.value()))
                        .toList())
                .hash(sent.hash());
    }
}
