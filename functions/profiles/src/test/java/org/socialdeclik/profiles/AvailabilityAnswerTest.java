package org.socialdeclik.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.ApiException;
import org.socialdeclik.shared.api.HttpRequest;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.app.AvailabilityService;
import org.socialdeclik.shared.domain.FieldError;
import org.socialdeclik.shared.ports.StoredProfile;

/** The body of POST /profiles/availability: every bad field named at once, in the request's language. */
class AvailabilityAnswerTest {
    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);

    static AvailabilityAnswer parse(String body, String locale) {
        try {
            return AvailabilityAnswer.parse(new HttpRequest("POST /profiles/availability", Map.of(), Map.of(), Map.of(), body,
                    Json.parse(body), Messages.forLocale(locale)), TODAY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static ApiException refused(String body) {
        ApiException problem = catchThrowableOfType(ApiException.class, () -> parse(body, "fr"));
        assertThat(problem).as(body).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        return problem;
    }

    @Test
    void a_pause_may_end_from_tomorrow_to_a_year_ahead_and_an_answer_available_takes_no_date() {
        assertThat(parse("{\"token\":\"t\",\"answer\":\"PAUSE\",\"until\":\"2027-01-16\"}", "fr").until()).isEqualTo(TODAY.plusDays(1));
        assertThat(parse("{\"answer\":\"PAUSE\",\"until\":\"2028-01-15\"}", "fr").until()).isEqualTo(TODAY.plusYears(1));
        AvailabilityAnswer pause = parse("{\"answer\":\"PAUSE\"}", "fr");
        assertThat(pause.answer()).isEqualTo(AvailabilityService.Answer.PAUSE);
        assertThat(pause.until()).isNull();
        assertThat(parse("{\"answer\":\"AVAILABLE\"}", "fr").answer()).isEqualTo(AvailabilityService.Answer.AVAILABLE);
    }

    @Test
    void a_bad_answer_a_day_out_of_range_or_a_date_with_available_is_a_400_naming_the_field() {
        assertThat(refused("{\"answer\":\"MAYBE\"}").errors()).extracting(FieldError::field).containsExactly("answer");
        assertThat(refused("{}").errors()).extracting(FieldError::field).containsExactly("answer");
        assertThat(refused("{\"answer\":\"PAUSE\",\"until\":\"2027-01-15\"}").errors()).extracting(FieldError::field).containsExactly("until");
        assertThat(refused("{\"answer\":\"PAUSE\",\"until\":\"2026-12-31\"}").errors()).extracting(FieldError::field).containsExactly("until");
        assertThat(refused("{\"answer\":\"PAUSE\",\"until\":\"2028-01-16\"}").errors()).extracting(FieldError::field).containsExactly("until");
        assertThat(refused("{\"answer\":\"PAUSE\",\"until\":\"2027-02-30\"}").errors()).extracting(FieldError::field).containsExactly("until");
        assertThat(refused("{\"answer\":\"AVAILABLE\",\"until\":\"2027-02-01\"}").errors()).extracting(FieldError::field)
                .containsExactly("until");
        assertThat(refused("{\"answer\":7,\"until\":5,\"extra\":true}").errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("answer", "until", "extra");
    }

    @Test
    void the_messages_follow_the_request_language() {
        ApiException english = catchThrowableOfType(ApiException.class,
                () -> parse("{\"answer\":\"AVAILABLE\",\"until\":\"2027-02-01\"}", "en"));
        assertThat(english.errors().get(0).message()).isEqualTo("An end date goes only with a pause (PAUSE).");
        assertThat(refused("{\"answer\":\"PAUSE\",\"until\":\"2030-01-01\"}").errors().get(0).message())
                .isEqualTo("La pause finit entre demain et dans un an au plus tard.");
    }

    @Test
    void the_view_says_paused_with_its_last_day_or_available() {
        var profile = new StoredProfile(null, null, null, Instant.EPOCH, null, false, null,
                new StoredProfile.Pause(TODAY));
        assertThat(AvailabilityAnswer.view(profile)).containsExactly(Map.entry("availabilityStatus", "PAUSED"),
                Map.entry("pausedUntil", "2027-01-15"));
        var indefinite = new StoredProfile(null, null, null, Instant.EPOCH, null, false, null,
                new StoredProfile.Pause(null));
        assertThat(AvailabilityAnswer.view(indefinite)).containsExactly(Map.entry("availabilityStatus", "PAUSED"));
    }
}
