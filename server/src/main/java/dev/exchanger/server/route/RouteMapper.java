package dev.exchanger.server.route;

import dev.exchanger.server.api.model.FieldDefinition;
import dev.exchanger.server.support.Decimals;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(uses = Decimals.class, imports = FieldKind.class)
public interface RouteMapper {

    @Mapping(target = "reserve", source = "to.reserve")
    @Mapping(target = "fromValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.FROM_VALUES)))")
    @Mapping(target = "toValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.TO_VALUES)))")
    @Mapping(target = "routeValues", expression = "java(toFieldDefinitions(route.fields(FieldKind.ROUTE_VALUES)))")
    dev.exchanger.server.api.model.Route toRouteDto(Route route);

    List<dev.exchanger.server.api.model.Route> toRouteDtos(List<Route> routes);

    dev.exchanger.server.api.model.Currency toCurrencyDto(Currency currency);

    List<FieldDefinition> toFieldDefinitions(List<RouteField> fields);

    FieldDefinition toFieldDefinition(RouteField field);
}
