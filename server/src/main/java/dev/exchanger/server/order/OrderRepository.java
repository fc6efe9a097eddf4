package dev.exchanger.server.order;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<ExchangeOrder, String>, JpaSpecificationExecutor<ExchangeOrder> {

    @Query("select o from ExchangeOrder o join fetch o.route r join fetch r.from join fetch r.to left join fetch o.values where o.uid = :uid")
    Optional<ExchangeOrder> findByUid(long uid);

    /** The order, locked until the transaction ends, so that status changes are serialised. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from ExchangeOrder o where o.uid = :uid")
    Optional<ExchangeOrder> findByUidForUpdate(long uid);

    /** Unpaid orders past their payment window, locked; rows another instance holds are skipped. */
    @Query(value = "select * from exchange_order where status in ('new', 'waitPayment') and expires_at < :now"
            + " order by expires_at limit :limit for update skip locked", nativeQuery = true)
    List<ExchangeOrder> lockExpired(Instant now, int limit);

    /** The next order uid, unique across every server instance on the database. */
    @Query(value = "select nextval('exchange_order_uid_seq')", nativeQuery = true)
    long nextUid();
}
