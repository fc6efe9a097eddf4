package dev.exchanger.server.route;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RouteRepository extends JpaRepository<Route, String> {

    @Query("select distinct r from Route r join fetch r.from join fetch r.to left join fetch r.fields"
            + " where r.active = true order by r.id")
    List<Route> findAllActive();

    @Query("select r from Route r join fetch r.from join fetch r.to left join fetch r.fields"
            + " where r.active = true and r.id = :id")
    Optional<Route> findActive(String id);

    @Query("select r from Route r join fetch r.from join fetch r.to left join fetch r.fields"
            + " where r.active = true and r.from.xml = :xmlIn and r.to.xml = :xmlOut")
    Optional<Route> findActiveByXml(String xmlIn, String xmlOut);
}
