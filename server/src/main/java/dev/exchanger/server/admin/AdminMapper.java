package dev.exchanger.server.admin;

import dev.exchanger.server.api.model.StatusChange;
import dev.exchanger.server.ipn.IpnAttempt;
import dev.exchanger.server.ipn.IpnDelivery;
import dev.exchanger.server.ipn.IpnLog;
import dev.exchanger.server.order.OrderStatusChange;
import dev.exchanger.server.support.Decimals;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = Decimals.class)
public interface AdminMapper {

    @Mapping(target = "from", source = "fromStatus")
    @Mapping(target = "to", source = "toStatus")
    @Mapping(target = "at", source = "changedAt")
    StatusChange toStatusChange(OrderStatusChange change);

    List<StatusChange> toHistory(List<OrderStatusChange> changes);

    @Mapping(target = "state", expression = "java(dev.exchanger.server.api.model.IpnDelivery.StateEnum.fromValue(delivery.getState().name()))")
    @Mapping(target = "newStatus", expression = "java(dev.exchanger.server.api.model.OrderStatus.fromValue(delivery.getNewStatus()))")
    @Mapping(target = "nextAttemptAt", expression = "java(delivery.getState() == IpnDelivery.State.pending ? Decimals.utc(delivery.getNextAttemptAt()) : null)")
    @Mapping(target = "attemptLog", ignore = true)
    dev.exchanger.server.api.model.IpnDelivery toIpnDelivery(IpnDelivery delivery);

    @Mapping(target = "at", source = "attemptedAt")
    dev.exchanger.server.api.model.IpnAttempt toIpnAttempt(IpnAttempt attempt);

    List<dev.exchanger.server.api.model.IpnAttempt> toAttemptLog(List<IpnAttempt> attempts);

    default dev.exchanger.server.api.model.IpnDelivery toIpnDelivery(IpnLog.Entry entry) {
        return toIpnDelivery(entry.delivery()).attemptLog(toAttemptLog(entry.attempts()));
    }

    default List<dev.exchanger.server.api.model.IpnDelivery> toIpnDeliveries(List<IpnLog.Entry> entries) {
        return entries.stream().map(this::toIpnDelivery).toList();
    }
}
