package dev.exchanger.server.order;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * Filters over orders; each one given narrows the result. {@code partner} is the affiliate code,
 * {@code partnerId} the partner account whose key created the order. Test
 * orders and real ones are never listed together: {@code test} says which.
 */
public record OrderSearch(OrderStatus status, String partner, String partnerId, String xmlFrom, String xmlTo,
                          Instant createdFrom, Instant createdTo, boolean test) {

    Specification<ExchangeOrder> toSpecification() {
        return (order, query, cb) -> {
            if (query.getResultType() != Long.class && query.getResultType() != long.class) {
                Join<Object, Object> route = (Join<Object, Object>) order.fetch("route");
                route.fetch("from");
                route.fetch("to");
            }
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(order.get("test"), test));
            if (status != null) {
                where.add(cb.equal(order.get("status"), status));
            }
            if (partner != null) {
                where.add(cb.equal(order.get("partner"), partner));
            }
            if (partnerId != null) {
                where.add(cb.equal(order.get("partnerId"), partnerId));
            }
            if (xmlFrom != null) {
                where.add(cb.equal(order.get("route").get("from").get("xml"), xmlFrom));
            }
            if (xmlTo != null) {
                where.add(cb.equal(order.get("route").get("to").get("xml"), xmlTo));
            }
            if (createdFrom != null) {
                where.add(cb.greaterThanOrEqualTo(order.get("createdAt"), createdFrom));
            }
            if (createdTo != null) {
                where.add(cb.lessThan(order.get("createdAt"), createdTo));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
