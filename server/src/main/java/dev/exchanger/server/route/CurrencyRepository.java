package dev.exchanger.server.route;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CurrencyRepository extends JpaRepository<Currency, String> {

    List<Currency> findAllByOrderByXmlAsc();

    /** The currency with this xml code, ignoring case (they are unique ignoring case). */
    @Query("select c from Currency c where lower(c.xml) = lower(:xml)")
    Optional<Currency> findByXmlIgnoringCase(String xml);

    /** When any currency last changed; null when there is none. */
    @Query("select max(c.updatedAt) from Currency c")
    Instant lastUpdatedAt();
}
