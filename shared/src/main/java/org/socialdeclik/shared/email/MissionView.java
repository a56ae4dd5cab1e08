package org.socialdeclik.shared.email;

import java.util.List;

/**
 * A mission in the reader's words: its title, who submits it ("Proposée par Les Jardins
 * Partagés, association"), its description in paragraphs, and its facts (skills, causes, where,
 * when, pay, and for admins the contact).
 */
public record MissionView(String title, String organization, String by, List<String> description, List<Line> facts) {}
