package org.socialdeclik.shared.domain;

/** How far a freelancer goes for on-site work. */
public enum Mobility { DEPARTMENT, REGION, COUNTRY }
