package org.socialdeclik.shared.domain;

/** How a mission is carried out. */
public enum WorkMode { REMOTE, ONSITE, HYBRID }
