package dev.exchanger.server.cabinet;

import dev.exchanger.server.admin.AdminMapper;
import dev.exchanger.server.api.CabinetApi;
import dev.exchanger.server.api.model.IpnDeliveryResponse;
import dev.exchanger.server.api.model.IpnNotification;
import dev.exchanger.server.api.model.IpnToValue;
import dev.exchanger.server.api.model.OrderDetails;
import dev.exchanger.server.api.model.OrderDetailsResponse;
import dev.exchanger.server.api.model.OrderPage;
import dev.exchanger.server.api.model.OrderPageResponse;
import dev.exchanger.server.api.model.OrderStatus;
import dev.exchanger.server.api.model.TestIpnRequest;
import dev.exchanger.server.api.model.TestIpnResponse;
import dev.exchanger.server.api.model.TestIpnResult;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.ipn.IpnRedelivery;
import dev.exchanger.server.ipn.TestIpnSender;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderMapper;
import dev.exchanger.server.order.OrderSearch;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.security.ApiCaller;
import dev.exchanger.server.web.RequestIds;
import java.time.OffsetDateTime;
import org.springframework.data.domain.Page;
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
    private final IpnLog ipnLog;
    private final IpnRedelivery redelivery;
    private final TestIpnSender testIpn;
    private final OrderMapper orderMapper;
    private final AdminMapper adminMapper;

    public CabinetController(OrderService orders, IpnLog ipnLog, IpnRedelivery redelivery, TestIpnSender testIpn,
                             OrderMapper orderMapper, AdminMapper adminMapper) {
        this.orders = orders;
        this.ipnLog = ipnLog;
        this.redelivery = redelivery;
        this.testIpn = testIpn;
        this.orderMapper = orderMapper;
        this.adminMapper = adminMapper;
    }

    @Override
    public ResponseEntity<OrderPageResponse> partnerOrderHistory(OrderStatus status, String xmlFrom, String xmlTo,
                                                                 OffsetDateTime createdFrom, OffsetDateTime createdTo,
                                                                 Integer page, Integer size) {
        OrderSearch search = new OrderSearch(
                status == null ? null : dev.exchanger.server.order.OrderStatus.fromWireName(status.getValue()),
                null, ApiCaller.currentPartnerId(), xmlFrom, xmlTo,
                createdFrom == null ? null : createdFrom.toInstant(),
                createdTo == null ? null : createdTo.toInstant());
        Page<ExchangeOrder> found = orders.search(search, page, size);
        OrderPage data = new OrderPage()
                .items(found.getContent().stream().map(orderMapper::toOrderView).toList())
                .page(page).size(size).total(found.getTotalElements());
        return ResponseEntity.ok(new OrderPageResponse().success(true).data(data).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<OrderDetailsResponse> partnerOrderDetails(Long orderUID) {
        ExchangeOrder order = orders.getForPartner(orderUID, ApiCaller.currentPartnerId());
        OrderDetails data = new OrderDetails()
                .order(orderMapper.toOrderView(order))
                .history(adminMapper.toHistory(orders.history(order)))
                .ipn(adminMapper.toIpnDeliveries(ipnLog.forOrder(order.getId())));
        return ResponseEntity.ok(new OrderDetailsResponse().success(true).data(data).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<IpnDeliveryResponse> redeliverIpn(Long orderUID, String webhookId) {
        IpnLog.Entry queued = redelivery.redeliver(orderUID, ApiCaller.currentPartnerId(), webhookId);
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
