package dev.exchanger.server.route;

import dev.exchanger.server.api.RoutesApi;
import dev.exchanger.server.api.model.RouteListResponse;
import dev.exchanger.server.api.model.RouteResponse;
import dev.exchanger.server.web.RequestIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RoutesController implements RoutesApi {

    private final RouteService routes;
    private final RouteMapper mapper;

    public RoutesController(RouteService routes, RouteMapper mapper) {
        this.routes = routes;
        this.mapper = mapper;
    }

    @Override
    public ResponseEntity<RouteListResponse> listRoutes(String fromCurrencyId, String toCurrencyId) {
        return ResponseEntity.ok(new RouteListResponse()
                .success(true)
                .data(mapper.toRouteDtos(routes.listActive(fromCurrencyId, toCurrencyId)))
                .requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<RouteResponse> getRoute(String id) {
        return ResponseEntity.ok(one(routes.getActive(id)));
    }

    @Override
    public ResponseEntity<RouteResponse> getRouteByXml(String xmlIn, String xmlOut) {
        return ResponseEntity.ok(one(routes.getActiveByXml(xmlIn, xmlOut)));
    }

    private RouteResponse one(Route route) {
        return new RouteResponse().success(true).data(mapper.toRouteDto(route)).requestId(RequestIds.current());
    }
}
