package dev.exchanger.server.admin;

import static dev.exchanger.server.web.Envelopes.success;

import dev.exchanger.server.api.AdminApi;
import dev.exchanger.server.api.model.AdminRouteListResponseDto;
import dev.exchanger.server.api.model.AdminRouteResponseDto;
import dev.exchanger.server.api.model.CurrencyListResponseDto;
import dev.exchanger.server.api.model.CurrencyRequestDto;
import dev.exchanger.server.api.model.CurrencyResponseDto;
import dev.exchanger.server.api.model.OrderDetailsResponseDto;
import dev.exchanger.server.api.model.OrderPageResponseDto;
import dev.exchanger.server.api.model.OrderStatusChangeRequestDto;
import dev.exchanger.server.api.model.OrderStatusDto;
import dev.exchanger.server.api.model.RouteRequestDto;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderSearch;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.orderview.OrderViewMapper;
import dev.exchanger.server.orderview.OrderViews;
import dev.exchanger.server.route.Catalog;
import dev.exchanger.server.route.Currency;
import dev.exchanger.server.route.Route;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API; thin: it maps and calls the order, IPN and catalog services. */
@RestController
public class AdminController implements AdminApi {

    private final OrderService orders;
    private final OrderViews views;
    private final OrderViewMapper viewMapper;
    private final Catalog catalog;
    private final CatalogMapper catalogMapper;

    public AdminController(OrderService orders, OrderViews views, OrderViewMapper viewMapper, Catalog catalog, CatalogMapper catalogMapper) {
        this.orders = orders;
        this.views = views;
        this.viewMapper = viewMapper;
        this.catalog = catalog;
        this.catalogMapper = catalogMapper;
    }

    @Override
    public ResponseEntity<OrderPageResponseDto> searchOrders(OrderStatusDto status, String partner, String partnerId, String xmlFrom, String xmlTo,
                                                          OffsetDateTime createdFrom, OffsetDateTime createdTo, Integer page, Integer size,
                                                          Boolean test) {
        OrderSearch search = viewMapper.toSearch(status, partner, partnerId, xmlFrom, xmlTo, createdFrom, createdTo, Boolean.TRUE.equals(test));
        return ResponseEntity.ok(viewMapper.toPageAnswer(orders.search(search, page, size), page, size));
    }

    @Override
    public ResponseEntity<OrderDetailsResponseDto> getOrderDetails(Long orderUID) {
        return ResponseEntity.ok(viewMapper.toDetailsAnswer(views.details(orders.getForOperator(orderUID))));
    }

    @Override
    public ResponseEntity<OrderDetailsResponseDto> changeOrderStatus(Long orderUID, OrderStatusChangeRequestDto request) {
        OrderStatus next = OrderStatus.fromWireName(request.getStatus().getValue());
        return ResponseEntity.ok(viewMapper.toDetailsAnswer(views.details(orders.changeStatusByOperator(orderUID, next, request.getComment()))));
    }

    // ---- currencies and routes ----------------------------------------------------------------

    @Override
    public ResponseEntity<CurrencyListResponseDto> listCurrencies() {
        return ResponseEntity.ok(success(new CurrencyListResponseDto(), catalogMapper.toAdminCurrencies(catalog.currencies())));
    }

    @Override
    public ResponseEntity<CurrencyResponseDto> createCurrency(CurrencyRequestDto request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(currency(catalog.createCurrency(catalogMapper.toCurrencyChange(request))));
    }

    @Override
    public ResponseEntity<CurrencyResponseDto> updateCurrency(String currencyId, CurrencyRequestDto request) {
        return ResponseEntity.ok(currency(catalog.updateCurrency(currencyId, catalogMapper.toCurrencyChange(request))));
    }

    @Override
    public ResponseEntity<AdminRouteListResponseDto> listAllRoutes() {
        return ResponseEntity.ok(success(new AdminRouteListResponseDto(), catalogMapper.toAdminRoutes(catalog.routes())));
    }

    @Override
    public ResponseEntity<AdminRouteResponseDto> getRouteDetails(String routeId) {
        return ResponseEntity.ok(route(catalog.route(routeId)));
    }

    @Override
    public ResponseEntity<AdminRouteResponseDto> createRoute(RouteRequestDto request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(route(catalog.createRoute(catalogMapper.toRouteChange(request))));
    }

    @Override
    public ResponseEntity<AdminRouteResponseDto> updateRoute(String routeId, RouteRequestDto request) {
        return ResponseEntity.ok(route(catalog.updateRoute(routeId, catalogMapper.toRouteChange(request))));
    }

    private CurrencyResponseDto currency(Currency currency) {
        return success(new CurrencyResponseDto(), catalogMapper.toAdminCurrency(currency));
    }

    private AdminRouteResponseDto route(Route route) {
        return success(new AdminRouteResponseDto(), catalogMapper.toAdminRoute(route));
    }
}
