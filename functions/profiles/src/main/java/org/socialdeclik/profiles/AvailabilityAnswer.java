package org.socialdeclik.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.socialdeclik.shared.api.Fields;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.app.AvailabilityService;
import org.socialdeclik.shared.ports.StoredProfile;

/**
 * The body of {@code POST /profiles/availability}: {@code answer} AVAILABLE or PAUSE, and for a
 * pause an optional {@code until} (the day it ends, from tomorrow to a year from today); and how a
 * profile's availability is shown ({@code availabilityStatus}, {@code pausedUntil} when dated).
 */
record AvailabilityAnswer(AvailabilityService.Answer answer, LocalDate until) {
    private static final Set<String> FIELDS = Set.of("token", "answer", "until");

    /** Every bad field at once (400); {@code today} is the platform's day (Paris). */
    static AvailabilityAnswer parse(HttpRequest request, LocalDate today) {
        JsonNode body = request.json();
        Fields f = new Fields(request.messages());
        f.allowOnly(body, "", FIELDS);
        f.text(body, "", "token", false, 1024);
        AvailabilityService.Answer answer = f.enumValue(body, "", "answer", true, AvailabilityService.Answer.class);
        LocalDate until = f.date(body, "", "until", false);
        if (until != null && answer == AvailabilityService.Answer.AVAILABLE) {
            f.add("until", "field.until.pauseOnly");
        } else if (until != null && (!until.isAfter(today) || until.isAfter(today.plus(AvailabilityService.LONGEST_PAUSE)))) {
            f.add("until", "field.until.range");
        }
        f.throwIfAny();
        return new AvailabilityAnswer(answer, until);
    }

    static Map<String, Object> view(StoredProfile profile) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("availabilityStatus", profile.paused() ? "PAUSED" : "AVAILABLE");
        if (profile.paused() && profile.pause().until() != null) {
            view.put("pausedUntil", profile.pause().until().toString());
        }
        return view;
    }
}
