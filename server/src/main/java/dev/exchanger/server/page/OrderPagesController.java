package dev.exchanger.server.page;

import dev.exchanger.server.order.ExchangeOrder;
import dev.exchanger.server.order.OrderPayment;
import dev.exchanger.server.order.OrderService;
import dev.exchanger.server.order.OrderStatus;
import dev.exchanger.server.support.Conflict;
import dev.exchanger.server.support.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The hosted pages: {@code /{lang}/payment/{uid}/{secret}} (what to pay, where, how long is
 * left, "I have paid", "cancel", the QR code of where to pay) and {@code /{lang}/order/{uid}/{secret}} (the order as the client sees
 * it, "confirm"). The POSTs change the status and redirect back (Post/Redirect/Get). An
 * unknown order or a wrong secret is the same plain 404 page.
 */
@Controller
@RequestMapping("/{lang:[A-Za-z_-]{2,10}}")
public class OrderPagesController {

    private final OrderService orders;
    private final Clock clock;
    private final Brand brand;

    public OrderPagesController(OrderService orders, Clock clock, BrandProperties brand) {
        this.orders = orders;
        this.clock = clock;
        this.brand = Brand.of(brand);
    }

    @GetMapping("/payment/{uid}/{secret}")
    public String payment(@PathVariable String lang, @PathVariable String uid, @PathVariable String secret, Model model) {
        model.addAttribute("page", page(lang, uid, secret));
        model.addAttribute("brand", brand);
        return "payment";
    }

    @GetMapping("/order/{uid}/{secret}")
    public String order(@PathVariable String lang, @PathVariable String uid, @PathVariable String secret, Model model) {
        model.addAttribute("page", page(lang, uid, secret));
        model.addAttribute("brand", brand);
        return "order";
    }

    /** The QR code of the payment URI (or the address) of an order whose currency has payment details. */
    @GetMapping(value = "/payment/{uid}/{secret}/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    public String qrCode(@PathVariable String uid, @PathVariable String secret) {
        OrderPayment payment = OrderPayment.of(orders.get(uid(uid), secret), "en");
        if (payment == null) {
            throw NotFound.order();
        }
        return QrCodes.svg(payment.qrText());
    }

    /**
     * "Cancel": the client's own change to deleted from new or waitPayment (the IPN goes out as
     * for {@code update-status}); in any other status nothing changes.
     */
    @PostMapping("/{kind:payment|order}/{uid}/{secret}/cancel")
    public RedirectView cancel(@PathVariable String lang, @PathVariable String kind, @PathVariable String uid,
                               @PathVariable String secret) {
        return press(lang, kind, uid, secret, id -> orders.changeStatusByClient(id, secret, OrderStatus.DELETED));
    }

    /** "I have paid": new or waitPayment to inProgress; in any other status nothing changes. */
    @PostMapping("/payment/{uid}/{secret}/paid")
    public RedirectView paid(@PathVariable String lang, @PathVariable String uid, @PathVariable String secret) {
        return press(lang, "payment", uid, secret, id -> orders.changeStatusByClient(id, secret, OrderStatus.IN_PROGRESS));
    }

    /** "Confirm": new to waitPayment; in any other status nothing changes. */
    @PostMapping("/order/{uid}/{secret}/confirm")
    public RedirectView confirm(@PathVariable String lang, @PathVariable String uid, @PathVariable String secret) {
        return press(lang, "order", uid, secret, id -> orders.confirmByClient(id, secret));
    }

    /**
     * A button's change, then back to the page; a button pressed twice (or after the operator
     * moved on) is a {@link Conflict} that just shows the page again.
     */
    private static RedirectView press(String lang, String page, String uid, String secret, LongConsumer change) {
        long id = uid(uid);
        try {
            change.accept(id);
        } catch (Conflict pressedAgain) {
            // nothing changes
        }
        return back(lang, page, id, secret);
    }

    @ExceptionHandler(NotFound.class)
    public String notFound(NotFound e, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("lang", PageLanguage.of(locale.getLanguage()));
        model.addAttribute("brand", brand);
        return "not-found";
    }

    private OrderPage page(String lang, String uid, String secret) {
        ExchangeOrder order = orders.get(uid(uid), secret);
        return OrderPage.of(order, orders.history(order), PageLanguage.of(lang), clock.instant());
    }

    /** A uid that is not a number is an unknown order like any other. */
    private static long uid(String uid) {
        try {
            return Long.parseLong(uid);
        } catch (NumberFormatException e) {
            throw NotFound.order();
        }
    }

    private static RedirectView back(String lang, String page, long uid, String secret) {
        String url = UriComponentsBuilder.fromPath("/").pathSegment(lang, page, Long.toString(uid), secret)
                .encode().build().toUriString();
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        view.setExpandUriTemplateVariables(false);
        return view;
    }
}
