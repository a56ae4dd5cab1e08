package org.socialdeclik.shared.domain;

/** One bad field of a request, named by its JSON path (e.g. {@code skills[2]}). */
public record FieldError(String field, String message) {}
