package dev.exchanger.server.route;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A currency the exchanger takes or pays out, named by its xml (BestChange) code. */
@Entity
@Table(name = "currency")
public class Currency {

    @Id
    private String id;

    private String xml;

    private String name;

    /** How many decimals its amounts have. */
    private int scale;

    private BigDecimal reserve;

    @Column(name = "payment_instructions")
    private String paymentInstructions;

    /** The client confirms its payment by hand ("I have paid"). */
    @Column(name = "manual_payment")
    private boolean manualPayment;

    @Column(name = "pay_address")
    private String payAddress;

    @Column(name = "pay_network")
    private String payNetwork;

    @Column(name = "pay_memo")
    private String payMemo;

    @Column(name = "pay_confirmations")
    private Integer payConfirmations;

    @Column(name = "instructions_en")
    private String instructionsEn;

    @Column(name = "instructions_ru")
    private String instructionsRu;

    @Column(name = "instructions_uk")
    private String instructionsUk;

    /** When the operator last changed it (the rates export's Last-Modified). */
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Currency() {
    }

    /** A new currency as the operator sets it. */
    public static Currency create(String id, String xml, String name, int scale, BigDecimal reserve,
                                  String paymentInstructions, boolean manualPayment, Instant now) {
        Currency currency = new Currency();
        currency.id = id;
        currency.update(xml, name, scale, reserve, paymentInstructions, manualPayment, now);
        return currency;
    }

    /** Replaces everything the operator sets; the id stays. */
    public void update(String xml, String name, int scale, BigDecimal reserve, String paymentInstructions,
                       boolean manualPayment, Instant now) {
        this.xml = xml;
        this.name = name;
        this.scale = scale;
        this.reserve = reserve;
        this.paymentInstructions = paymentInstructions;
        this.manualPayment = manualPayment;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getXml() {
        return xml;
    }

    public String getName() {
        return name;
    }

    public int getScale() {
        return scale;
    }

    public BigDecimal getReserve() {
        return reserve;
    }

    public String getPaymentInstructions() {
        return paymentInstructions;
    }

    public boolean isManualPayment() {
        return manualPayment;
    }

    /** Replaces the structured payment details; null for none. */
    public void setPayment(CurrencyPayment payment) {
        this.payAddress = payment == null ? null : payment.address();
        this.payNetwork = payment == null ? null : payment.network();
        this.payMemo = payment == null ? null : payment.memo();
        this.payConfirmations = payment == null ? null : payment.confirmations();
        Map<String, String> texts = payment == null ? Map.of() : payment.instructions();
        this.instructionsEn = texts.get("en");
        this.instructionsRu = texts.get("ru");
        this.instructionsUk = texts.get("uk");
    }

    /** The structured payment details, or null when none are set (the free text is all there is). */
    public CurrencyPayment getPayment() {
        if (payAddress == null) {
            return null;
        }
        return new CurrencyPayment(payAddress, payNetwork, payMemo, payConfirmations,
                CurrencyPayment.texts(instructionsEn, instructionsRu, instructionsUk));
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
