package dev.exchanger.server.route;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RouteRepository extends JpaRepository<Route, String> {

    @Query("select distinct r from Route r join fetch r.from join fetch r.to left join fetch r.fields"
            + " where r.active = true order by r.id")
    List<Route> findAllActive();

    @Query("select r from Route r join fetch r.from join fetch r.to left join fetch r.fields"
            + " where r.active = true and r.id = :id")
    Optional<Route> findActive(String id);

    @Query("select r from Route r join fetch r.from join fetch r.to left join fetch r.fields"
            + " where r.active = true and lower(r.from.xml) = lower(:xmlIn) and lower(r.to.xml) = lower(:xmlOut)")
    Optional<Route> findActiveByXml(String xmlIn, String xmlOut);

    /** Every route, switched-off ones too, with its currencies and fields. */
    @Query("select distinct r from Route r join fetch r.from join fetch r.to left join fetch r.fields order by r.id")
    List<Route> findAllWithFields();

    /** One route, active or not, with its currencies and fields. */
    @Query("select r from Route r join fetch r.from join fetch r.to left join fetch r.fields where r.id = :id")
    Optional<Route> findWithFields(String id);

    /** One route, locked until the transaction ends, so that two changes of it do not interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Route r where r.id = :id")
    Optional<Route> findForUpdate(String id);

    @Query("select r from Route r where r.from.id = :fromCurrencyId and r.to.id = :toCurrencyId")
    Optional<Route> findByCurrencies(String fromCurrencyId, String toCurrencyId);

    @Query(value = "select exists (select 1 from exchange_order where route_id = :routeId)", nativeQuery = true)
    boolean hasOrders(String routeId);

    /** When any route last changed (its fields and switch included); null when there is none. */
    @Query("select max(r.updatedAt) from Route r")
    Instant lastUpdatedAt();
}
