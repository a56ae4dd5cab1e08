package org.socialdeclik.shared.domain;

import java.time.LocalDate;

/** How much and from when a freelancer is available; both parts are optional. */
public record Availability(Integer daysPerMonth, LocalDate from) {}
