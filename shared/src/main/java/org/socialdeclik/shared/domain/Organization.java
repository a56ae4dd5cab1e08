package org.socialdeclik.shared.domain;

import java.util.Objects;

/** The organisation that submits a mission. Its email is never shown publicly. */
public record Organization(String name, OrganizationType type, String email, String website) {
    public Organization {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(email, "email");
    }
}
