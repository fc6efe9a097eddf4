package dev.exchanger.server.route;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.RoutesApi;
import dev.exchanger.server.api.model.RouteListResponseDto;
import dev.exchanger.server.api.model.RouteResponseDto;
import java.util.List;
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
    public ResponseEntity<RouteListResponseDto> listRoutes(String fromCurrencyId, String toCurrencyId) {
        List<Route> active = routes.listActive(fromCurrencyId, toCurrencyId);
        return ResponseEntity.ok(success(new RouteListResponseDto(), mapper.toRouteDtos(active)));
    }

    @Override
    public ResponseEntity<RouteResponseDto> getRoute(String id) {
        return ResponseEntity.ok(one(routes.getActive(id)));
    }

    @Override
    public ResponseEntity<RouteResponseDto> getRouteByXml(String xmlIn, String xmlOut) {
        return ResponseEntity.ok(one(routes.getActiveByXml(xmlIn, xmlOut)));
    }

    private RouteResponseDto one(Route route) {
        return success(new RouteResponseDto(), mapper.toRouteDto(route));
    }
}
