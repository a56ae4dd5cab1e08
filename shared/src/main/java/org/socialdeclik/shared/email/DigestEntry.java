package org.socialdeclik.shared.email;

import java.util.List;

/** One mission of a digest: the mission, why it fits, its interest link. */
public record DigestEntry(MissionView mission, List<Line> reasons, String interestUrl) {}
