package dev.exchanger.server.admin;

import dev.exchanger.server.api.AdminApi;
import dev.exchanger.server.api.model.AdminRouteListResponse;
import dev.exchanger.server.api.model.AdminRouteResponse;
import dev.exchanger.server.api.model.CurrencyListResponse;
import dev.exchanger.server.api.model.CurrencyRequest;
import dev.exchanger.server.api.model.CurrencyResponse;
import dev.exchanger.server.api.model.OrderDetailsResponse;
import dev.exchanger.server.api.model.OrderPageResponse;
import dev.exchanger.server.api.model.OrderStatus;
import dev.exchanger.server.api.model.OrderStatusChangeRequest;
import dev.exchanger.server.api.model.RouteRequest;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.route.Catalog;
import dev.exchanger.server.web.RequestIds;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API; thin: it maps and calls the order, IPN and catalog services. */
@RestController
public class AdminController implements AdminApi {

    private final OrderService orders;
    private final OrderViews views;
    private final Catalog catalog;
    private final CatalogMapper catalogMapper;

    public AdminController(OrderService orders, OrderViews views, Catalog catalog, CatalogMapper catalogMapper) {
        this.orders = orders;
        this.views = views;
        this.catalog = catalog;
        this.catalogMapper = catalogMapper;
    }

    @Override
    public ResponseEntity<OrderPageResponse> searchOrders(OrderStatus status, String partner, String partnerId, String xmlFrom, String xmlTo,
                                                          OffsetDateTime createdFrom, OffsetDateTime createdTo, Integer page, Integer size,
                                                          Boolean test) {
        return ResponseEntity.ok(views.page(status, partner, partnerId, xmlFrom, xmlTo, createdFrom, createdTo,
                Boolean.TRUE.equals(test), page, size));
    }

    @Override
    public ResponseEntity<OrderDetailsResponse> getOrderDetails(Long orderUID) {
        return ResponseEntity.ok(views.details(orders.getForOperator(orderUID)));
    }

    @Override
    public ResponseEntity<OrderDetailsResponse> changeOrderStatus(Long orderUID, OrderStatusChangeRequest request) {
        dev.exchanger.server.order.OrderStatus next = dev.exchanger.server.order.OrderStatus.fromWireName(request.getStatus().getValue());
        return ResponseEntity.ok(views.details(orders.changeStatusByOperator(orderUID, next, request.getComment())));
    }

    // ---- currencies and routes ----------------------------------------------------------------

    @Override
    public ResponseEntity<CurrencyListResponse> listCurrencies() {
        return ResponseEntity.ok(new CurrencyListResponse().success(true)
                .data(catalogMapper.toAdminCurrencies(catalog.currencies())).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<CurrencyResponse> createCurrency(CurrencyRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(currency(catalog.createCurrency(request)));
    }

    @Override
    public ResponseEntity<CurrencyResponse> updateCurrency(String currencyId, CurrencyRequest request) {
        return ResponseEntity.ok(currency(catalog.updateCurrency(currencyId, request)));
    }

    @Override
    public ResponseEntity<AdminRouteListResponse> listAllRoutes() {
        return ResponseEntity.ok(new AdminRouteListResponse().success(true)
                .data(catalogMapper.toAdminRoutes(catalog.routes())).requestId(RequestIds.current()));
    }

    @Override
    public ResponseEntity<AdminRouteResponse> getRouteDetails(String routeId) {
        return ResponseEntity.ok(route(catalog.route(routeId)));
    }

    @Override
    public ResponseEntity<AdminRouteResponse> createRoute(RouteRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(route(catalog.createRoute(request)));
    }

    @Override
    public ResponseEntity<AdminRouteResponse> updateRoute(String routeId, RouteRequest request) {
        return ResponseEntity.ok(route(catalog.updateRoute(routeId, request)));
    }

    private CurrencyResponse currency(dev.exchanger.server.route.Currency currency) {
        return new CurrencyResponse().success(true).data(catalogMapper.toAdminCurrency(currency)).requestId(RequestIds.current());
    }

    private AdminRouteResponse route(dev.exchanger.server.route.Route route) {
        return new AdminRouteResponse().success(true).data(catalogMapper.toAdminRoute(route)).requestId(RequestIds.current());
    }
}
