package org.socialdeclik.shared.domain;

/** A profile becomes ACTIVE (matchable) only once its email address has confirmed itself. */
public enum ProfileStatus { PENDING_VERIFICATION, ACTIVE }
