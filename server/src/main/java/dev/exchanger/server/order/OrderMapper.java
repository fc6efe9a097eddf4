package dev.exchanger.server.order;

import dev.exchanger.server.api.model.Order;
import dev.exchanger.server.api.model.OrderRoute;
import dev.exchanger.server.api.model.OrderPaymentDetails;
import dev.exchanger.server.api.model.OrderView;
import dev.exchanger.server.api.model.PaymentInstructions;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteMapper;
import dev.exchanger.server.support.Decimals;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

@Mapper(uses = {Decimals.class, RouteMapper.class}, imports = FieldKind.class)
public interface OrderMapper {

    @Mapping(target = "lang", expression = "java(dev.exchanger.server.api.model.Lang.fromValue(order.getLang()))")
    @Mapping(target = "fromValues", expression = "java(toFieldValues(order.values(FieldKind.FROM_VALUES)))")
    @Mapping(target = "toValues", expression = "java(order.isHideOutData() ? masked(order.values(FieldKind.TO_VALUES)) : toFieldValues(order.values(FieldKind.TO_VALUES)))")
    @Mapping(target = "routeValues", expression = "java(toFieldValues(order.values(FieldKind.ROUTE_VALUES)))")
    @Mapping(target = "paymentUrl", expression = "java(links.paymentUrl(order))")
    @Mapping(target = "orderUrl", expression = "java(links.orderUrl(order))")
    @Mapping(target = "payment", ignore = true)
    Order toOrderDto(ExchangeOrder order, @Context OrderLinks links);

    /** The order as the operator and its partner see it: no secret, no page URLs, nothing masked. */
    @Mapping(target = "lang", expression = "java(dev.exchanger.server.api.model.Lang.fromValue(order.getLang()))")
    @Mapping(target = "fromValues", expression = "java(toFieldValues(order.values(FieldKind.FROM_VALUES)))")
    @Mapping(target = "toValues", expression = "java(toFieldValues(order.values(FieldKind.TO_VALUES)))")
    @Mapping(target = "routeValues", expression = "java(toFieldValues(order.values(FieldKind.ROUTE_VALUES)))")
    OrderView toOrderView(ExchangeOrder order);

    OrderRoute toOrderRoute(Route route);

    List<dev.exchanger.server.api.model.OrderFieldValue> toFieldValues(List<OrderFieldValue> values);

    dev.exchanger.server.api.model.OrderFieldValue toFieldValue(OrderFieldValue value);

    /** What the client pays, where to and before when: the sending currency's instructions. */
    @Mapping(target = "currency", source = "route.from")
    @Mapping(target = "amount", source = "inAmount")
    @Mapping(target = "instructions", source = "route.from.paymentInstructions")
    @Mapping(target = "manual", source = "route.from.manualPayment")
    @Mapping(target = "payBefore", source = "expiresAt")
    @Mapping(target = "details", expression = "java(toPaymentDetails(OrderPayment.of(order, order.getLang())))")
    PaymentInstructions toPaymentInstructions(ExchangeOrder order);

    /** The structured details, or null when the currency has none. */
    OrderPaymentDetails toPaymentDetails(OrderPayment payment);

    /** The recipient's details with all but their first and last two characters hidden. */
    @Named("masked")
    default List<dev.exchanger.server.api.model.OrderFieldValue> masked(List<OrderFieldValue> values) {
        return values.stream()
                .map(v -> new dev.exchanger.server.api.model.OrderFieldValue(v.getKey(), v.getName(), OrderFieldValue.masked(v.getValue())))
                .toList();
    }
}
