package org.socialdeclik.shared.domain.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The départements and régions of France, read from {@value #RESOURCE}, and the way from a postal code
 * to its département. Instances are immutable and safe to share between threads.
 */
public final class Places {

    /** Class-path location of the places file. */
    public static final String RESOURCE = "/vocab/places.json";

    private final List<Region> regions;
    private final List<Department> departments;
    private final Map<String, Region> regionsByCode;
    private final Map<String, Department> departmentsByCode;

    private Places(List<Region> regions, List<Department> departments) {
        this.regions = List.copyOf(regions);
        this.departments = List.copyOf(departments);
        Map<String, Region> r = new LinkedHashMap<>();
        for (Region region : regions) {
            if (r.putIfAbsent(region.code(), region) != null) {
                throw new IllegalStateException("région " + region.code() + " appears twice");
            }
        }
        Map<String, Department> d = new LinkedHashMap<>();
        for (Department department : departments) {
            if (!r.containsKey(department.regionCode())) {
                throw new IllegalStateException("département " + department.code()
                        + " belongs to an unknown région " + department.regionCode());
            }
            if (d.putIfAbsent(department.code(), department) != null) {
                throw new IllegalStateException("département " + department.code() + " appears twice");
            }
        }
        this.regionsByCode = Map.copyOf(r);
        this.departmentsByCode = Map.copyOf(d);
    }

    /** France: its 101 départements and 18 régions, loaded once. */
    public static Places france() {
        return France.INSTANCE;
    }

    /** Loads places from a JSON resource on the class path (not cached). */
    static Places fromResource(String resource) {
        JsonNode root = Resources.readJson(resource);
        List<Region> regions = new ArrayList<>();
        for (JsonNode node : array(root, "regions", resource)) {
            String where = resource + " région";
            regions.add(new Region(Resources.text(node, "code", where), Resources.text(node, "name", where)));
        }
        List<Department> departments = new ArrayList<>();
        for (JsonNode node : array(root, "departments", resource)) {
            String where = resource + " département";
            departments.add(new Department(Resources.text(node, "code", where), Resources.text(node, "name", where),
                    Resources.text(node, "regionCode", where)));
        }
        return new Places(regions, departments);
    }

    /**
     * The département with this code: two digits ({@code "01"}..{@code "95"}), {@code "2A"} or {@code "2B"}
     * (either case), or three digits overseas ({@code "971"}..{@code "974"}, {@code "976"}). A code written
     * another way ({@code "1"} for {@code "01"}) is not recognised. Empty for {@code null}: no code, no place.
     */
    public Optional<Department> department(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(departmentsByCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The département of a French postal code of five digits. Corsica: 200xx and 201xx are Corse-du-Sud
     * (2A), 202xx to 206xx Haute-Corse (2B). Overseas, the first three digits (971xx..974xx, 976xx) name
     * the département; 975xx (Saint-Pierre-et-Miquelon) and 98xxx are not départements. Elsewhere the
     * first two digits do. Empty for anything that is not five digits or names no département.
     *
     * <p>A handful of communes use a postal code from a neighbouring département; those few are placed
     * by their code, as a person reading it would. Empty for {@code null}.
     */
    public Optional<Department> byPostalCode(String postalCode) {
        if (postalCode == null) {
            return Optional.empty();
        }
        String code = postalCode.strip();
        if (!isFiveDigits(code)) {
            return Optional.empty();
        }
        if (code.startsWith("20")) {
            char third = code.charAt(2);
            if (third <= '1') {
                return department("2A");
            }
            return third <= '6' ? department("2B") : Optional.empty();
        }
        if (code.startsWith("97")) {
            return department(code.substring(0, 3));
        }
        return department(code.substring(0, 2));
    }

    /**
     * The département named by what a form holds: a postal code (five digits) or a département code.
     * Empty for {@code null} or anything that names no département.
     */
    public Optional<Department> locate(String placeOrPostalCode) {
        if (placeOrPostalCode == null) {
            return Optional.empty();
        }
        String value = placeOrPostalCode.strip();
        return isFiveDigits(value) ? byPostalCode(value) : department(value);
    }

    /**
     * The région with this INSEE code ({@code "53"} Bretagne...); empty for {@code null} or an unknown code.
     */
    public Optional<Region> region(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(regionsByCode.get(code.strip()));
    }

    /**
     * The région a département belongs to.
     *
     * @throws IllegalArgumentException when the département's région is not one of France's
     */
    public Region regionOf(Department department) {
        if (department == null) {
            throw new IllegalArgumentException("département must not be null");
        }
        Region region = regionsByCode.get(department.regionCode());
        if (region == null) {
            throw new IllegalArgumentException("no région " + department.regionCode() + " for " + department);
        }
        return region;
    }

    /** The départements of a région, in code order; empty for an unknown région code. */
    public List<Department> departmentsIn(String regionCode) {
        return departments.stream().filter(d -> d.regionCode().equals(regionCode)).toList();
    }

    /** All 101 départements, in code order. */
    public List<Department> departments() {
        return departments;
    }

    /** All 18 régions, overseas first, in INSEE code order. */
    public List<Region> regions() {
        return regions;
    }

    private static boolean isFiveDigits(String s) {
        if (s.length() != 5) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, String resource) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new IllegalStateException(resource + ": \"" + field + "\" must be an array");
        }
        return node;
    }

    private static final class France {
        static final Places INSTANCE = fromResource(RESOURCE);
    }
}
