package dev.exchanger.server.route;

import dev.exchanger.server.support.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class RouteService {

    private final RouteRepository routes;

    public RouteService(RouteRepository routes) {
        this.routes = routes;
    }

    /** The active routes, optionally only those from and/or to one currency. */
    public List<Route> listActive(String fromCurrencyId, String toCurrencyId) {
        return routes.findAllActive().stream()
                .filter(r -> fromCurrencyId == null || r.getFrom().getId().equals(fromCurrencyId))
                .filter(r -> toCurrencyId == null || r.getTo().getId().equals(toCurrencyId))
                .toList();
    }

    public Route getActive(String id) {
        return routes.findActive(id).orElseThrow(NotFound::route);
    }

    public Route getActiveByXml(String xmlIn, String xmlOut) {
        return routes.findActiveByXml(xmlIn, xmlOut).orElseThrow(NotFound::route);
    }
}
