package dev.exchanger.server;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.exchanger.server.web.ApiException;
import jakarta.persistence.EntityManager;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The layout that docs/architecture.md describes, checked on the compiled classes: the web edge
 * knows no capability, HTTP and the generated API models stay in each capability's controller
 * and mapper, orders know nothing of IPN, and pages read through services.
 */
@AnalyzeClasses(packages = "dev.exchanger.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages that hold a capability of the product (each with its controller, services and storage). */
    private static final String[] CAPABILITIES = {
            "..server.order..", "..server.route..", "..server.partner..", "..server.admin..", "..server.cabinet..",
            "..server.page..", "..server.export..", "..server.ipn..", "..server.crypto..", "..server.orderview.."};

    @ArchTest
    static final ArchRule webKnowsNoCapability = noClasses().that().resideInAPackage("..server.web..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
            .because("web is the HTTP edge every capability uses; it must not depend back on them");

    @ArchTest
    static final ArchRule httpStaysInControllersAndMappers = noClasses()
            .that().resideInAnyPackage(CAPABILITIES)
            .and(not(simpleNameEndingWith("Controller")))
            .and(not(simpleNameEndingWith("Mapper")))
            .and(not(simpleNameEndingWith("MapperImpl")))
            .should().dependOnClassesThat().resideInAPackage("..server.api.model..")
            .orShould().dependOnClassesThat(assignableTo(ApiException.class))
            .because("services speak the domain's language: the controller and the mapper translate at the edge");

    @ArchTest
    static final ArchRule ordersKnowNothingOfIpn = noClasses().that().resideInAPackage("..server.order..")
            .should().dependOnClassesThat().resideInAPackage("..server.ipn..")
            .because("IPN listens to order events; orders do not call it");

    @ArchTest
    static final ArchRule pagesReadThroughServices = noClasses().that().resideInAPackage("..server.page..")
            .should().dependOnClassesThat(assignableTo(Repository.class)
                    .or(assignableTo(JdbcTemplate.class)).or(assignableTo(EntityManager.class)))
            .because("pages show what the services answer, with the same checks as the API");

    /**
     * No two packages need each other. The generated {@code api} is left out: its models implement
     * {@code web.SuccessEnvelope} by the generator's configuration, and {@code web} answers with them.
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.exchanger.server.(*)..").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("..server.api.."), alwaysTrue());
}
