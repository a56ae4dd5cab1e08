package org.socialdeclik.shared.domain;

import java.util.Objects;

/**
 * A place in France: always resolved to its département code; the postal code is kept when the
 * person gave one.
 */
public record Place(String department, String postalCode) {
    public Place {
        Objects.requireNonNull(department, "department");
    }
}
