package dev.exchanger.server.order;

import dev.exchanger.server.support.ObjectIds;
import dev.exchanger.server.support.Secrets;

/** A new order's identity: its id, the uid its client sees, and its secret in clear. */
record OrderIdentity(String id, long uid, String secret) {

    static OrderIdentity next(OrderUids uids) {
        return new OrderIdentity(ObjectIds.next(), uids.next(), Secrets.next());
    }
}
