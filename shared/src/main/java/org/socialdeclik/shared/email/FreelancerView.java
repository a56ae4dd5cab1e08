package org.socialdeclik.shared.email;

import java.util.List;

/**
 * A freelancer as the organisation sees them once they said "I'm interested": name and the
 * facts they chose to give (never their minimum rate). The freelancer's confirmation lists the
 * same lines, so it says exactly what was shared.
 */
public record FreelancerView(String name, String firstName, String email, List<Line> lines) {}
