package dev.exchanger.server.admin;

import dev.exchanger.server.api.model.AdminCurrencyDto;
import dev.exchanger.server.api.model.AdminRouteDto;
import dev.exchanger.server.api.model.CurrencyDto;
import dev.exchanger.server.api.model.CurrencyPaymentDto;
import dev.exchanger.server.api.model.CurrencyRequestDto;
import dev.exchanger.server.api.model.FieldDefinitionDto;
import dev.exchanger.server.api.model.FieldDefinitionRequestDto;
import dev.exchanger.server.api.model.LocalizedTextDto;
import dev.exchanger.server.api.model.RouteRequestDto;
import dev.exchanger.server.route.Currency;
import dev.exchanger.server.route.CurrencyChange;
import dev.exchanger.server.route.CurrencyPayment;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteChange;
import dev.exchanger.server.route.RouteField;
import dev.exchanger.server.support.Decimals;
import dev.exchanger.server.support.Lists;
import java.util.List;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Currencies and routes as the operator sees them: everything the operator sets, active or not. */
@Mapper(uses = Decimals.class, imports = FieldKind.class)
public interface CatalogMapper {

    @Mapping(target = "manual", source = "manualPayment")
    AdminCurrencyDto toAdminCurrency(Currency currency);

    /** The structured payment details as the operator set them, or null. */
    default CurrencyPaymentDto toCurrencyPayment(CurrencyPayment payment) {
        if (payment == null) {
            return null;
        }
        Map<String, String> texts = payment.instructions();
        LocalizedTextDto instructions = texts.isEmpty() ? null
                : new LocalizedTextDto().en(texts.get("en")).ru(texts.get("ru")).uk(texts.get("uk"));
        return new CurrencyPaymentDto().address(payment.address()).network(payment.network())
                .memo(payment.memo()).confirmations(payment.confirmations()).instructions(instructions);
    }

    List<AdminCurrencyDto> toAdminCurrencies(List<Currency> currencies);

    @Mapping(target = "reserve", source = "to.reserve")
    @Mapping(target = "fromValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.FROM_VALUES)))")
    @Mapping(target = "toValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.TO_VALUES)))")
    @Mapping(target = "routeValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.ROUTE_VALUES)))")
    AdminRouteDto toAdminRoute(Route route);

    List<AdminRouteDto> toAdminRoutes(List<Route> routes);

    CurrencyDto toCurrency(Currency currency);

    List<FieldDefinitionDto> toFieldDefinitions(List<RouteField> fields);

    FieldDefinitionDto toFieldDefinition(RouteField field);

    /** The operator's currency, as the catalog takes it. */
    default CurrencyChange toCurrencyChange(CurrencyRequestDto request) {
        CurrencyPaymentDto payment = request.getPayment();
        LocalizedTextDto texts = payment == null ? null : payment.getInstructions();
        return new CurrencyChange(request.getXml(), request.getName(), request.getScale(), request.getReserve(),
                request.getPaymentInstructions(), Boolean.TRUE.equals(request.getManual()),
                payment == null ? null : new CurrencyChange.Payment(payment.getAddress(), payment.getNetwork(), payment.getMemo(),
                        payment.getConfirmations(), texts == null ? Map.of() : CurrencyPayment.texts(texts.getEn(), texts.getRu(), texts.getUk())));
    }

    /** The operator's route, as the catalog takes it (a null field stays null, for the catalog to refuse). */
    default RouteChange toRouteChange(RouteRequestDto request) {
        return new RouteChange(request.getFromCurrencyId(), request.getToCurrencyId(), request.getRate(), request.getFeePercent(),
                request.getFeeFixed(), request.getMinAmount(), request.getMaxAmount(), request.getPaymentWindowMinutes(),
                Boolean.TRUE.equals(request.getActive()), toFields(request.getFromValues()), toFields(request.getToValues()),
                toFields(request.getRouteValues()));
    }

    private static List<RouteChange.Field> toFields(List<FieldDefinitionRequestDto> fields) {
        return Lists.mapKeepingNulls(fields, field -> new RouteChange.Field(field.getKey(), field.getName(),
                Boolean.TRUE.equals(field.getRequired()), field.getRegexp(), field.getExample()));
    }
}
