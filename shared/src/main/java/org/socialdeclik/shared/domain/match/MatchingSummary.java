package org.socialdeclik.shared.domain.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one matching run of a published mission found, for the organisation's report: how many
 * proposals wait for a freelancer's weekly window, and when nobody fits, why: the skills no
 * active profile offers (as the mission names them), how many were kept out by place, pay (with
 * the median minimum rate they ask), pro bono or availability. How many were proposed is not
 * here: the report reads it from the match records when it is sent, so a retried run counts right.
 */
public record MatchingSummary(int eligible, int deferred, List<String> missingSkills, int place, int pay,
                              Integer medianMinimum, int proBono, int time) {

    public MatchingSummary {
        missingSkills = List.copyOf(missingSkills);
    }

    /** Whether no freelancer may be proposed the mission at all. */
    public boolean nobodyFits() {
        return eligible == 0;
    }

    /** The summary as the string references of an outbox item. */
    public Map<String, String> toRefs() {
        Map<String, String> refs = new HashMap<>();
        refs.put("eligible", Integer.toString(eligible));
        refs.put("deferred", Integer.toString(deferred));
        if (!missingSkills.isEmpty()) {
            // skills are validated words without control characters: a line feed cannot occur in one
            refs.put("missingSkills", String.join("\n", missingSkills));
        }
        refs.put("place", Integer.toString(place));
        refs.put("pay", Integer.toString(pay));
        if (medianMinimum != null) {
            refs.put("medianMinimum", Integer.toString(medianMinimum));
        }
        refs.put("proBono", Integer.toString(proBono));
        refs.put("time", Integer.toString(time));
        return refs;
    }

    public static MatchingSummary fromRefs(Map<String, String> refs) {
        String missing = refs.get("missingSkills");
        String median = refs.get("medianMinimum");
        return new MatchingSummary(number(refs, "eligible"), number(refs, "deferred"),
                missing == null ? List.of() : Arrays.asList(missing.split("\n")), number(refs, "place"),
                number(refs, "pay"), median == null ? null : Integer.valueOf(median), number(refs, "proBono"),
                number(refs, "time"));
    }

    private static int number(Map<String, String> refs, String key) {
        String value = refs.get(key);
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** The median of the minimum rates (the upper one of an even count); null for none. */
    public static Integer median(List<Integer> rates) {
        if (rates.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(rates);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
