package dev.exchanger.server.order;

import dev.exchanger.server.api.model.CreateOrderRequestDto;
import dev.exchanger.server.api.model.FieldValueDto;
import dev.exchanger.server.api.model.LangDto;
import dev.exchanger.server.api.model.OrderDto;
import dev.exchanger.server.api.model.OrderFieldValueDto;
import dev.exchanger.server.api.model.OrderPaymentDetailsDto;
import dev.exchanger.server.api.model.OrderRouteDto;
import dev.exchanger.server.api.model.OrderViewDto;
import dev.exchanger.server.api.model.PaymentInstructionsDto;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteFieldCheck;
import dev.exchanger.server.route.RouteMapper;
import dev.exchanger.server.support.Decimals;
import dev.exchanger.server.support.Lists;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

@Mapper(uses = {Decimals.class, RouteMapper.class}, imports = {FieldKind.class, LangDto.class})
public interface OrderMapper {

    /** The order's language and its sender's and route's details, as every view of an order has them. */
    @Retention(RetentionPolicy.CLASS)
    @Mapping(target = "lang", expression = "java(LangDto.fromValue(order.getLang()))")
    @Mapping(target = "fromValues", expression = "java(toFieldValues(order.values(FieldKind.FROM_VALUES)))")
    @Mapping(target = "routeValues", expression = "java(toFieldValues(order.values(FieldKind.ROUTE_VALUES)))")
    @interface LangAndValues {
    }

    @LangAndValues
    @Mapping(target = "toValues", expression = "java(order.isHideOutData() ? masked(order.values(FieldKind.TO_VALUES)) : toFieldValues(order.values(FieldKind.TO_VALUES)))")
    @Mapping(target = "paymentUrl", expression = "java(links.paymentUrl(order))")
    @Mapping(target = "orderUrl", expression = "java(links.orderUrl(order))")
    @Mapping(target = "payment", ignore = true)
    OrderDto toOrderDto(ExchangeOrder order, @Context OrderLinks links);

    /** The order as the operator and its partner see it: no secret, no page URLs, nothing masked. */
    @LangAndValues
    @Mapping(target = "toValues", expression = "java(toFieldValues(order.values(FieldKind.TO_VALUES)))")
    OrderViewDto toOrderView(ExchangeOrder order);

    OrderRouteDto toOrderRoute(Route route);

    List<OrderFieldValueDto> toFieldValues(List<OrderFieldValue> values);

    OrderFieldValueDto toFieldValue(OrderFieldValue value);

    /** What the client pays, where to and before when: the sending currency's instructions. */
    @Mapping(target = "currency", source = "route.from")
    @Mapping(target = "amount", source = "inAmount")
    @Mapping(target = "instructions", source = "route.from.paymentInstructions")
    @Mapping(target = "manual", source = "route.from.manualPayment")
    @Mapping(target = "payBefore", source = "expiresAt")
    @Mapping(target = "details", expression = "java(toPaymentDetails(OrderPayment.of(order, order.getLang())))")
    PaymentInstructionsDto toPaymentInstructions(ExchangeOrder order);

    /** The structured details, or null when the currency has none. */
    OrderPaymentDetailsDto toPaymentDetails(OrderPayment payment);

    /** The order a client asks for, as the service takes it (by hand: a null detail stays null, for the service to refuse). */
    static NewOrder toNewOrder(CreateOrderRequestDto request) {
        return new NewOrder(request.getRouteId(), request.getAmount(), request.getLang() != null ? request.getLang().getValue() : null,
                request.getPartner(), request.getEmail(), Boolean.TRUE.equals(request.getAgreement()),
                Boolean.TRUE.equals(request.getHideOutData()), request.getClientCallbackUrl(), request.getIpnUrl(),
                request.getIpnSecret(), toGiven(request.getFromValues()), toGiven(request.getToValues()),
                toGiven(request.getRouteValues()));
    }

    private static List<RouteFieldCheck.Given> toGiven(List<FieldValueDto> values) {
        return Lists.mapKeepingNulls(values, value -> new RouteFieldCheck.Given(value.getKey(), value.getValue()));
    }

    /** The recipient's details with all but their first and last two characters hidden. */
    @Named("masked")
    default List<OrderFieldValueDto> masked(List<OrderFieldValue> values) {
        return values.stream()
                .map(v -> new OrderFieldValueDto(v.getKey(), v.getName(), OrderFieldValue.masked(v.getValue())))
                .toList();
    }
}
