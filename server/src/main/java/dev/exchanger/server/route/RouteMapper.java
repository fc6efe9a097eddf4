package dev.exchanger.server.route;

import dev.exchanger.server.api.model.CurrencyDto;
import dev.exchanger.server.api.model.FieldDefinitionDto;
import dev.exchanger.server.api.model.RouteDto;
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
    RouteDto toRouteDto(Route route);

    List<RouteDto> toRouteDtos(List<Route> routes);

    CurrencyDto toCurrencyDto(Currency currency);

    List<FieldDefinitionDto> toFieldDefinitions(List<RouteField> fields);

    FieldDefinitionDto toFieldDefinition(RouteField field);
}
