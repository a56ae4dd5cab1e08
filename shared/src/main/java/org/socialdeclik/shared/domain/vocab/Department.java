package org.socialdeclik.shared.domain.vocab;

/**
 * A département of France: its code ({@code "01"}..{@code "95"}, {@code "2A"}, {@code "2B"},
 * {@code "971"}..{@code "976"}), its name and the INSEE code of the région it belongs to.
 */
public record Department(String code, String name, String regionCode) {

    public Department {
        if (code == null || !code.matches("[0-9]{2}|2[AB]|97[0-9]")) {
            throw new IllegalArgumentException("not a département code: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a département needs a name");
        }
        if (regionCode == null || regionCode.isBlank()) {
            throw new IllegalArgumentException("a département needs its région code");
        }
    }
}
