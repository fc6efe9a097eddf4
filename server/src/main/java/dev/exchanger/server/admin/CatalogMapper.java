package dev.exchanger.server.admin;

import dev.exchanger.server.api.model.AdminCurrency;
import dev.exchanger.server.api.model.AdminRoute;
import dev.exchanger.server.api.model.FieldDefinition;
import dev.exchanger.server.api.model.LocalizedText;
import dev.exchanger.server.route.Currency;
import dev.exchanger.server.route.CurrencyPayment;
import dev.exchanger.server.route.FieldKind;
import dev.exchanger.server.route.Route;
import dev.exchanger.server.route.RouteField;
import dev.exchanger.server.support.Decimals;
import java.util.List;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Currencies and routes as the operator sees them: everything the operator sets, active or not. */
@Mapper(uses = Decimals.class, imports = FieldKind.class)
public interface CatalogMapper {

    @Mapping(target = "manual", source = "manualPayment")
    AdminCurrency toAdminCurrency(Currency currency);

    /** The structured payment details as the operator set them, or null. */
    default dev.exchanger.server.api.model.CurrencyPayment toCurrencyPayment(CurrencyPayment payment) {
        if (payment == null) {
            return null;
        }
        Map<String, String> texts = payment.instructions();
        LocalizedText instructions = texts.isEmpty() ? null
                : new LocalizedText().en(texts.get("en")).ru(texts.get("ru")).uk(texts.get("uk"));
        return new dev.exchanger.server.api.model.CurrencyPayment().address(payment.address()).network(payment.network())
                .memo(payment.memo()).confirmations(payment.confirmations()).instructions(instructions);
    }

    List<AdminCurrency> toAdminCurrencies(List<Currency> currencies);

    @Mapping(target = "reserve", source = "to.reserve")
    @Mapping(target = "fromValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.FROM_VALUES)))")
    @Mapping(target = "toValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.TO_VALUES)))")
    @Mapping(target = "routeValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.ROUTE_VALUES)))")
    AdminRoute toAdminRoute(Route route);

    List<AdminRoute> toAdminRoutes(List<Route> routes);

    dev.exchanger.server.api.model.Currency toCurrency(Currency currency);

    List<FieldDefinition> toFieldDefinitions(List<RouteField> fields);

    FieldDefinition toFieldDefinition(RouteField field);
}
