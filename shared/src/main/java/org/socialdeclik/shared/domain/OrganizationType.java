package org.socialdeclik.shared.domain;

/** Legal forms of the social and solidarity economy (ESS). */
public enum OrganizationType { ASSOCIATION, COOPERATIVE, SCOP, SCIC, ESUS, FONDATION, MUTUELLE, OTHER }
