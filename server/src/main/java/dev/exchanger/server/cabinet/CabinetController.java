package dev.exchanger.server.cabinet;

import dev.exchanger.server.admin.AdminMapper;
import dev.exchanger.server.admin.OrderViews;
import dev.exchanger.server.api.CabinetApi;
import dev.exchanger.server.api.model.IpnDeliveryResponse;
import dev.exchanger.server.api.model.IpnNotification;
import dev.exchanger.server.api.model.IpnToValue;
import dev.exchanger.server.api.model.OrderDetailsResponse;
import dev.exchanger.server.api.model.OrderPageResponse;
import dev.exchanger.server.api.model.OrderStatus;
import dev.exchanger.server.api.model.OrderStatusChangeRequest;
import dev.exchanger.server.api.model.TestIpnRequest;
import dev.exchanger.server.api.model.TestIpnResponse;
import dev.exchanger.server.api.model.TestIpnResult;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.ipn.IpnRedelivery;
import dev.exchanger.server.ipn.TestIpnSender;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.security.ApiCaller;
import dev.exchanger.server.web.ApiException;
import dev.exchanger.server.web.RequestIds;
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
    private final AdminMapper adminMapper;

    public CabinetController(OrderService orders, OrderViews views, IpnRedelivery redelivery, TestIpnSender testIpn,
                             AdminMapper adminMapper) {
        this.orders = orders;
        this.views = views;
        this.redelivery = redelivery;
        this.testIpn = testIpn;
        this.adminMapper = adminMapper;
    }

    @Override
    public ResponseEntity<OrderPageResponse> partnerOrderHistory(OrderStatus status, String xmlFrom, String xmlTo,
                                                                 OffsetDateTime createdFrom, OffsetDateTime createdTo,
                                                                 Integer page, Integer size) {
        return ResponseEntity.ok(views.page(status, null, ApiCaller.currentPartnerId(), xmlFrom, xmlTo, createdFrom, createdTo,
                ApiCaller.currentIsTest(), page, size));
    }

    @Override
    public ResponseEntity<OrderDetailsResponse> partnerOrderDetails(Long orderUID) {
        return ResponseEntity.ok(views.details(orders.getForPartner(orderUID, ApiCaller.currentPartnerId(), ApiCaller.currentIsTest())));
    }

    /** The sandbox: a test key moves one of its partner's test orders; a live key is 403. */
    @Override
    public ResponseEntity<OrderDetailsResponse> partnerChangeTestOrderStatus(Long orderUID, OrderStatusChangeRequest request) {
        if (!ApiCaller.currentIsTest()) {
            throw ApiException.forbidden("Only a test key may move orders; real orders are moved by the operator");
        }
        dev.exchanger.server.order.OrderStatus next = dev.exchanger.server.order.OrderStatus.fromWireName(request.getStatus().getValue());
        return ResponseEntity.ok(views.details(orders.changeTestOrderStatusByPartner(orderUID, ApiCaller.currentPartnerId(), next,
                request.getComment())));
    }

    @Override
    public ResponseEntity<IpnDeliveryResponse> redeliverIpn(Long orderUID, String webhookId) {
        IpnLog.Entry queued = redelivery.redeliver(orderUID, ApiCaller.currentPartnerId(), ApiCaller.currentIsTest(), webhookId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new IpnDeliveryResponse().success(true)
                .data(adminMapper.toIpnDelivery(queued)).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<TestIpnResponse> sendTestIpn(TestIpnRequest request) {
        String newStatus = request.getNewStatus() == null ? OrderStatus.IN_PROGRESS.getValue() : request.getNewStatus().getValue();
        TestIpnSender.Sent sent = testIpn.send(request.getIpnUrl(), request.getIpnSecret(), newStatus);
        TestIpnResult data = new TestIpnResult()
                .webhookId(sent.webhookId())
                .delivered(sent.delivered())
                .httpStatus(sent.httpStatus())
                .latencyMs((int) Math.min(Integer.MAX_VALUE, sent.latencyMillis()))
                .error(sent.error())
                .notification(notification(sent));
        return ResponseEntity.ok(new TestIpnResponse().success(true).data(data).requestId(RequestIds.current()));
    }

    /** The form that was posted, field by field. */
    private static IpnNotification notification(TestIpnSender.Sent sent) {
        var fields = sent.fields();
        return new IpnNotification()
                .orderUID(fields.orderUID())
                .orderId(fields.orderId())
                .newStatus(OrderStatus.fromValue(fields.newStatus()))
                .inAmount(fields.inAmount())
                .outAmount(fields.outAmount())
                .xmlFrom(fields.xmlFrom())
                .xmlTo(fields.xmlTo())
                .timestamp(fields.timestamp())
                .toValues(fields.toValues().stream()
                        .map(v -> new IpnToValue().key(v.key()).name(v.name()).value(v.value()))
                        .toList())
                .hash(sent.hash());
    }
}
