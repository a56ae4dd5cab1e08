package org.socialdeclik.perf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The people and missions of {@code make bench-load}, built so that who must be proposed what is
 * known before the run: freelancer {@code i} and mission {@code i % missions} share one "cell", a
 * (skill, département) pair that no other cell has; freelancers go on site in their own
 * département only and are not open to remote work, missions are on site. So each mission fits
 * exactly the freelancers of its cell (at most {@code MaxMatchesPerMission} of them), and each
 * freelancer exactly one mission: one proposal each, never a second.
 *
 * <p>The skills are names the vocabulary knows, one per family, none the broader term of another
 * (no "PHP" beside "Symfony"), so that a mission's skill reaches no other cell.
 */
final class LoadData {
    static final List<String> SKILLS = List.of("Drupal", "Joomla", "Webflow", "Wix", "Squarespace", "Shopify",
            "PrestaShop", "iOS", "Android", "Flutter", "Bubble", "Airtable", "Zapier", "n8n", "Notion", "Vue.js",
            "Angular", "Svelte", "Symfony", "Laravel", "Django", "Rust", "Illustration", "Photographie", "Podcast",
            "Montage vidéo", "Motion design", "SEO", "SEA", "Emailing", "Salesforce", "HubSpot", "Accessibilité",
            "Traduction", "Cybersécurité");
    /** The 101 départements: 01-19, 2A, 2B, 21-95, 971-974, 976. */
    static final List<String> DEPARTMENTS = departments();

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String runId;
    private final int missions;
    private final LocalDate start;

    LoadData(String runId, int missions, LocalDate today) {
        if (missions < 1 || missions > SKILLS.size() * DEPARTMENTS.size()) {
            throw new IllegalArgumentException("missions must be 1.." + SKILLS.size() * DEPARTMENTS.size()
                    + " (one cell each), got " + missions);
        }
        this.runId = runId;
        this.missions = missions;
        this.start = today.plusDays(60);
    }

    /** The mission (cell) that freelancer {@code i} fits. */
    int cellOf(int profile) {
        return profile % missions;
    }

    String profileEmail(int i) {
        return "load-" + runId + "-" + i + "@example.org";
    }

    String organizationEmail(int mission) {
        return "org-" + runId + "-" + mission + "@example.org";
    }

    ObjectNode profile(int i) {
        int cell = cellOf(i);
        ObjectNode body = JSON.objectNode();
        body.put("email", profileEmail(i));
        body.put("firstName", "Camille");
        body.put("lastName", "Charge " + i);
        body.put("headline", "Freelance " + skill(cell));
        body.putArray("skills").add(skill(cell));
        body.putArray("causes").add("environnement");
        body.putObject("location").put("department", department(cell));
        body.put("mobility", "DEPARTMENT");
        body.put("remote", false);
        body.put("dailyRate", 450);
        body.put("minimumRate", 300);
        body.put("proBono", false);
        body.put("locale", "fr");
        body.put("consent", true);
        return body;
    }

    ObjectNode mission(int cell) {
        ObjectNode body = JSON.objectNode();
        body.put("title", "Mission de charge " + runId + " n° " + cell);
        body.put("description", "Une mission sur place pour éprouver la plateforme sous charge.");
        ObjectNode organization = body.putObject("organization");
        organization.put("name", "Association " + cell);
        organization.put("type", "ASSOCIATION");
        organization.put("email", organizationEmail(cell));
        body.putArray("skills").add(skill(cell));
        body.putArray("causes").add("environnement");
        body.putObject("location").put("department", department(cell));
        body.put("workMode", "ONSITE");
        body.put("budget", 3000);
        body.put("estimatedDays", 6);
        body.put("proBono", false);
        body.put("startDate", start.toString());
        body.put("applicationDeadline", start.minusDays(20).toString());
        body.put("locale", "fr");
        return body;
    }

    /** Cells go round the skills first, so each skill's index holds about the same share of the crowd. */
    private static String skill(int cell) {
        return SKILLS.get(cell % SKILLS.size());
    }

    private static String department(int cell) {
        return DEPARTMENTS.get(cell / SKILLS.size() % DEPARTMENTS.size());
    }

    private static List<String> departments() {
        List<String> codes = new ArrayList<>();
        for (int n = 1; n <= 95; n++) {
            if (n == 20) {
                codes.add("2A");
                codes.add("2B");
            } else {
                codes.add(String.format("%02d", n));
            }
        }
        for (String overseas : List.of("971", "972", "973", "974", "976")) {
            codes.add(overseas);
        }
        return List.copyOf(codes);
    }
}
