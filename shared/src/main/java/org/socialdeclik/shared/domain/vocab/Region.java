package org.socialdeclik.shared.domain.vocab;

/**
 * A région of France, by its INSEE code ({@code "53"} Bretagne, {@code "93"} Provence-Alpes-Côte d'Azur...).
 */
public record Region(String code, String name) {

    public Region {
        if (code == null || !code.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("a région code is two digits, got " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a région needs a name");
        }
    }
}
