package dev.exchanger.contract;

import dev.exchanger.server.ExchangerApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real server as the Failsafe tests run it: the whole application on a random port with its
 * embedded PostgreSQL. Every test class that needs the server carries this one annotation, so
 * that they share one Spring context (and one database): a class with other properties would
 * boot a second server.
 * <ul>
 *   <li>{@code exchanger.mode=demo} on a throw-away embedded database: the demo routes are the
 *       pacts' fixtures;</li>
 *   <li>{@code exchanger.admin.api-key}: the operator's key that the admin pacts send;</li>
 *   <li>{@code exchanger.ipn.allow-private-targets}: the admin pacts read an order's IPN, and
 *       its {@code ipnUrl} is a closed port on loopback (the IPN is written and listed, never
 *       delivered), so that nothing leaves the machine.</li>
 *   <li>Pact's {@code DefaultTestResultAccumulator} at ERROR: after each verified interaction it
 *       warns that the others are not verified yet, listing them all (thousands of lines per
 *       run; it matters only for publishing results to a broker, which this build does not do).
 *       Failed interactions fail their JUnit test, which the log level does not touch.</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = ExchangerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "exchanger.mode=demo", "exchanger.embedded-database.throw-away=true",
        "exchanger.admin.api-key=" + Pacts.OPERATOR_KEY,
        "exchanger.ipn.allow-private-targets=true",
        "logging.level.au.com.dius.pact.provider.DefaultTestResultAccumulator=error"})
public @interface ServerUnderTest {
}
