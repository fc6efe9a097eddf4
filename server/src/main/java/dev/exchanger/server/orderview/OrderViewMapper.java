package dev.exchanger.server.orderview;

import dev.exchanger.server.api.model.IpnAttemptDto;
import dev.exchanger.server.api.model.IpnDeliveryDto;
import dev.exchanger.server.api.model.OrderStatusDto;
import dev.exchanger.server.api.model.StatusChangeDto;
import dev.exchanger.server.ipn.IpnAttempt;
import dev.exchanger.server.ipn.IpnDelivery;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.order.OrderStatusChange;
import dev.exchanger.server.support.Decimals;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = Decimals.class, imports = {IpnDeliveryDto.class, OrderStatusDto.class})
/** An order's history and IPN log as the operator and the partner see them. */
public interface OrderViewMapper {

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
