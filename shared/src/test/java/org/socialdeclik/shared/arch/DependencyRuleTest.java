package org.socialdeclik.shared.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays free of AWS, so its rules can be tested and reused without the cloud. */
@AnalyzeClasses(packages = "org.socialdeclik.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {
    @ArchTest
    static final ArchRule domain_imports_nothing_from_aws = noClasses()
            .that().resideInAPackage("..shared.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..");

    @ArchTest
    static final ArchRule ports_and_use_cases_do_not_know_the_adapters = noClasses()
            .that().resideInAnyPackage("..shared.ports..", "..shared.app..", "..shared.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..shared.aws..", "software.amazon..");

    /**
     * The use cases take commands (records of domain types) that the HTTP edge builds: they know
     * neither the edge's requests, messages and problem details nor the JSON library.
     */
    @ArchTest
    static final ArchRule use_cases_and_ports_know_neither_the_http_edge_nor_json = noClasses()
            .that().resideInAnyPackage("..shared.app..", "..shared.ports..")
            .should().dependOnClassesThat().resideInAnyPackage("..shared.api..", "com.fasterxml..")
            .because("the HTTP edge (api) turns requests into commands and conflicts into its messages");

    /** The domain's reasons stay the domain's: only the edge knows what text the user reads. */
    @ArchTest
    static final ArchRule domain_knows_nothing_of_the_http_edge = noClasses()
            .that().resideInAPackage("..shared.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..shared.api..");

    /** Building a mapper and its reflective (de)serializers cost every init and first request (performance.md step 21). */
    @ArchTest
    static final ArchRule no_object_mapper_in_the_functions_code = noClasses()
            .should().dependOnClassesThat().haveNameMatching(
                    "com\\.fasterxml\\.jackson\\.databind\\.(ObjectMapper|ObjectReader|ObjectWriter|json\\.JsonMapper)")
            .because("the functions read and write JSON with Json (streaming) and StoredJson (field by field)");

    @ArchTest
    static final ArchRule nobody_prints_to_standard_output = noClasses()
            .that().resideOutsideOfPackage("..shared.logging..")
            .should().accessField(System.class, "out");
}
