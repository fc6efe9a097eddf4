package dev.exchanger.server.orderview;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.model.IpnAttemptDto;
import dev.exchanger.server.api.model.IpnDeliveryDto;
import dev.exchanger.server.api.model.OrderDetailsDto;
import dev.exchanger.server.api.model.OrderDetailsResponseDto;
import dev.exchanger.server.api.model.OrderPageDto;
import dev.exchanger.server.api.model.OrderPageResponseDto;
import dev.exchanger.server.api.model.OrderStatusDto;
import dev.exchanger.server.api.model.OrderViewDto;
import dev.exchanger.server.api.model.StatusChangeDto;
import dev.exchanger.server.ipn.IpnAttempt;
import dev.exchanger.server.ipn.IpnDelivery;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderMapper;
import dev.exchanger.server.order.OrderSearch;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.order.OrderStatusChange;
import dev.exchanger.server.support.Decimals;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.Page;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Orders as the operator and a partner see them: a page of a search, and one order with its
 * history and IPN log. The operator's API and the partner's cabinet answer alike.
 */
@Mapper(uses = {Decimals.class, OrderMapper.class}, imports = {IpnDeliveryDto.class, OrderStatusDto.class})
public interface OrderViewMapper {

    /** The search the filters ask for: test orders or real ones, never both. */
    default OrderSearch toSearch(OrderStatusDto status, String partner, String partnerId, String xmlFrom, String xmlTo,
                                 OffsetDateTime createdFrom, OffsetDateTime createdTo, boolean test) {
        return new OrderSearch(status == null ? null : OrderStatus.fromWireName(status.getValue()),
                partner, partnerId, xmlFrom, xmlTo,
                createdFrom == null ? null : createdFrom.toInstant(),
                createdTo == null ? null : createdTo.toInstant(), test);
    }

    /** One page of the orders found, newest first. */
    default OrderPageResponseDto toPageAnswer(Page<ExchangeOrder> found, int page, int size) {
        OrderPageDto data = new OrderPageDto().items(toOrderViews(found.getContent()))
                .page(page).size(size).total(found.getTotalElements());
        return success(new OrderPageResponseDto(), data);
    }

    default OrderDetailsResponseDto toDetailsAnswer(OrderViews.Details details) {
        return success(new OrderDetailsResponseDto(), toDetails(details));
    }

    OrderDetailsDto toDetails(OrderViews.Details details);

    List<OrderViewDto> toOrderViews(List<ExchangeOrder> orders);

    @Mapping(target = "from", source = "fromStatus")
    @Mapping(target = "to", source = "toStatus")
    @Mapping(target = "at", source = "changedAt")
    StatusChangeDto toStatusChange(OrderStatusChange change);

    List<StatusChangeDto> toHistory(List<OrderStatusChange> changes);

    @Mapping(target = "state", expression = "java(IpnDeliveryDto.StateEnum.fromValue(delivery.getState().name()))")
    @Mapping(target = "newStatus", expression = "java(OrderStatusDto.fromValue(delivery.getNewStatus()))")
    @Mapping(target = "nextAttemptAt", expression = "java(delivery.getState() == IpnDelivery.State.pending ? Decimals.utc(delivery.getNextAttemptAt()) : null)")
    @Mapping(target = "attemptLog", ignore = true)
    IpnDeliveryDto toIpnDelivery(IpnDelivery delivery);

    @Mapping(target = "at", source = "attemptedAt")
    IpnAttemptDto toIpnAttempt(IpnAttempt attempt);

    List<IpnAttemptDto> toAttemptLog(List<IpnAttempt> attempts);

    default IpnDeliveryDto toIpnDelivery(IpnLog.Entry entry) {
        return toIpnDelivery(entry.delivery()).attemptLog(toAttemptLog(entry.attempts()));
    }

    default List<IpnDeliveryDto> toIpnDeliveries(List<IpnLog.Entry> entries) {
        return entries.stream().map(this::toIpnDelivery).toList();
    }
}
