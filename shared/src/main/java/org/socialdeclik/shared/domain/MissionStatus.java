package org.socialdeclik.shared.domain;

/** Life of a mission: submitted, then published or rejected by an admin, then closed. */
public enum MissionStatus { PENDING_REVIEW, PUBLISHED, REJECTED, CLOSED }
