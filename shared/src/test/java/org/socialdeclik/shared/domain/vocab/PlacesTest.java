package org.socialdeclik.shared.domain.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlacesTest {

    private final Places france = Places.france();

    @Test
    void franceHasExactly101Departements() {
        assertThat(france.departments()).hasSize(101);
        assertThat(france.departments()).extracting(Department::code).doesNotHaveDuplicates();
    }

    @Test
    void franceHasExactly18RegionsOf13MetropolitanAnd5Overseas() {
        assertThat(france.regions()).hasSize(18);
        assertThat(france.regions()).extracting(Region::code)
                .doesNotHaveDuplicates()
                .filteredOn(code -> code.startsWith("0"))
                .containsExactlyInAnyOrder("01", "02", "03", "04", "06");
    }

    @Test
    void everyDepartementBelongsToAnExistingRegion() {
        for (Department department : france.departments()) {
            assertThat(france.region(department.regionCode())).as(department.name()).isPresent();
            assertThat(france.regionOf(department).code()).isEqualTo(department.regionCode());
        }
    }

    @Test
    void everyRegionHasAtLeastOneDepartement() {
        for (Region region : france.regions()) {
            assertThat(france.departmentsIn(region.code())).as(region.name()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} ({1}) has départements {2}")
    @CsvSource(delimiter = '|', textBlock = """
            53 | Bretagne                       | 22 29 35 56
            93 | Provence-Alpes-Côte d'Azur     | 04 05 06 13 83 84
            94 | Corse                          | 2A 2B
            11 | Île-de-France                  | 75 77 78 91 92 93 94 95
            52 | Pays de la Loire               | 44 49 53 72 85
            28 | Normandie                      | 14 27 50 61 76
            32 | Hauts-de-France                | 02 59 60 62 80
            24 | Centre-Val de Loire            | 18 28 36 37 41 45
            27 | Bourgogne-Franche-Comté        | 21 25 39 58 70 71 89 90
            44 | Grand Est                      | 08 10 51 52 54 55 57 67 68 88
            75 | Nouvelle-Aquitaine             | 16 17 19 23 24 33 40 47 64 79 86 87
            76 | Occitanie                      | 09 11 12 30 31 32 34 46 48 65 66 81 82
            84 | Auvergne-Rhône-Alpes           | 01 03 07 15 26 38 42 43 63 69 73 74
            01 | Guadeloupe                     | 971
            02 | Martinique                     | 972
            03 | Guyane                         | 973
            04 | La Réunion                     | 974
            06 | Mayotte                        | 976
            """)
    void eachRegionHasItsDepartements(String regionCode, String regionName, String departmentCodes) {
        assertThat(france.region(regionCode)).map(Region::name).contains(regionName);
        assertThat(france.departmentsIn(regionCode)).extracting(Department::code)
                .containsExactlyInAnyOrder(departmentCodes.split(" "));
    }

    @ParameterizedTest(name = "département \"{0}\" is {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            01  | Ain                | 84
            35  | Ille-et-Vilaine    | 53
            2A  | Corse-du-Sud       | 94
            2a  | Corse-du-Sud       | 94
            2B  | Haute-Corse        | 94
            2b  | Haute-Corse        | 94
            13  | Bouches-du-Rhône   | 93
            75  | Paris              | 11
            971 | Guadeloupe         | 01
            974 | La Réunion         | 04
            976 | Mayotte            | 06
            """)
    void aDepartementIsFoundByItsCode(String code, String name, String regionCode) {
        Department department = france.department(code).orElseThrow();

        assertThat(department.name()).isEqualTo(name);
        assertThat(department.regionCode()).isEqualTo(regionCode);
    }

    @ParameterizedTest(name = "\"{0}\" is not a département code")
    @ValueSource(strings = {"1", "001", "20", "2C", "96", "975", "977", "00", "", "Bretagne"})
    void codesWrittenOtherwiseAreNotDepartements(String code) {
        assertThat(france.department(code)).isEmpty();
    }

    @ParameterizedTest(name = "postal code {0} is in département {1}")
    @CsvSource({
            "35000, 35",
            "29200, 29",
            "13001, 13",
            "75001, 75",
            "01000, 01",
            "20000, 2A",
            "20090, 2A",
            "20137, 2A",
            "20190, 2A",
            "20200, 2B",
            "20250, 2B",
            "20620, 2B",
            "97100, 971",
            "97200, 972",
            "97300, 973",
            "97400, 974",
            "97600, 976",
            "' 35000 ', 35",
    })
    void aPostalCodeStandsForItsDepartement(String postalCode, String expectedDepartment) {
        assertThat(france.byPostalCode(postalCode)).map(Department::code).contains(expectedDepartment);
    }

    @Test
    void aPostalCodeInBretagneIsInBretagne() {
        Department rennes = france.byPostalCode("35000").orElseThrow();

        assertThat(rennes.code()).isEqualTo("35");
        assertThat(france.regionOf(rennes).name()).isEqualTo("Bretagne");
    }

    @ParameterizedTest(name = "postal code \"{0}\" names no département")
    @ValueSource(strings = {"97500", "98000", "00100", "96000", "20700", "97000", "3500", "350000", "35 00", "2A000", "abcde", "", "３５０００"})
    void postalCodesThatAreNotFiveDigitsOrNameNoDepartementGiveNothing(String postalCode) {
        assertThat(france.byPostalCode(postalCode)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is located in département {1}")
    @CsvSource({"35000, 35", "35, 35", "2a, 2A", "20200, 2B", "974, 974", "97411, 974"})
    void aFormPlaceIsEitherAPostalCodeOrADepartementCode(String place, String expected) {
        assertThat(france.locate(place)).map(Department::code).contains(expected);
    }

    @Test
    void noCodeMeansNoPlace() {
        assertThat(france.byPostalCode(null)).isEmpty();
        assertThat(france.department(null)).isEmpty();
        assertThat(france.region(null)).isEmpty();
        assertThat(france.locate(null)).isEmpty();
    }

    @Test
    void theRegionOfNoDepartementIsRejected() {
        assertThatThrownBy(() -> france.regionOf(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDepartementOfAnUnknownRegionHasNoRegion() {
        Department nowhere = new Department("99", "Nulle part", "99");

        assertThatThrownBy(() -> france.regionOf(nowhere)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownRegionCodeFindsNothing() {
        assertThat(france.region("05")).isEmpty();
        assertThat(france.departmentsIn("05")).isEmpty();
    }

    @Test
    void placesAreLoadedOnceAndCannotBeChanged() {
        assertThat(Places.france()).isSameAs(france);
        List<Department> departments = france.departments();
        assertThatThrownBy(departments::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> france.regions().add(new Region("99", "Utopie")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void departementsAreListedInCodeOrderWithCorsicaBetween19And21() {
        List<String> codes = france.departments().stream().map(Department::code).toList();

        assertThat(codes.subList(17, 22)).containsExactly("18", "19", "2A", "2B", "21");
        assertThat(codes.getFirst()).isEqualTo("01");
        assertThat(codes.getLast()).isEqualTo("976");
        assertThat(Optional.of(codes.indexOf("95"))).contains(95);
    }
}
