package org.socialdeclik.shared.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.testing.Bodies;

class EmailsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    final Emails emails = new Emails(Places.france());

    static Mission mission(String title) {
        var body = Bodies.mission();
        body.put("title", title);
        body.put("description", "<script>alert(1)</script> & co");
        return Requests.mission("m1", body, Messages.forLocale("fr"), CLOCK);
    }

    static Profile profile(String locale) {
        var body = Bodies.profile("ana@example.org");
        body.put("firstName", "<b>Ana</b>");
        body.put("locale", locale);
        return Requests.profile("p1", null, body, Messages.forLocale("fr"), CLOCK);
    }

    static final MatchReasons REASONS = new MatchReasons(List.of("WordPress"), 2, List.of("environnement"),
            PlaceFit.SAME_REGION, "29", 500, 300, false);

    @Test
    void a_proposal_says_why_in_french_and_escapes_user_text_in_html() {
        EmailMessage email = emails.proposal(profile("fr"), mission("Site <img src=x>"), REASONS,
                "https://web/interest?token=a", "https://web/unsubscribe?token=b", "https://api/unsubscribe?token=b");

        assertThat(email.text()).contains("Compétences en commun : WordPress", "Causes partagées : environnement",
                "Lieu : Finistère (29), dans votre région", "Rémunération : 500 € par jour, pour un minimum de 300 €");
        assertThat(email.html()).doesNotContain("<script>", "<img src=x>", "<b>Ana</b>")
                .contains("&lt;script&gt;", "&lt;b&gt;Ana&lt;/b&gt;");
        assertThat(email.headers()).containsEntry("List-Unsubscribe", "<https://api/unsubscribe?token=b>")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Test
    void a_proposal_is_in_english_when_the_profile_prefers_it() {
        EmailMessage email = emails.proposal(profile("en"), mission("Website"), REASONS, "i", "u", "https://api/u");

        assertThat(email.subject()).startsWith("A mission for you");
        assertThat(email.text()).contains("Skills in common: WordPress", "Where: Finistère (29), in your région");
        assertThat(email.html()).startsWith("<!DOCTYPE html>\n<html lang=\"en\"");
    }

    @Test
    void a_title_with_line_breaks_cannot_inject_headers_even_past_the_edge_checks() {
        Mission valid = mission("Titre");
        Mission hostile = new Mission(valid.id(), "Titre\r\nBcc: victim@example.org", valid.description(), valid.organization(),
                valid.skills(), valid.causes(), valid.location(), valid.workMode(), valid.budget(), valid.estimatedDays(),
                valid.proBono(), valid.startDate(), valid.applicationDeadline(), valid.locale());

        EmailMessage email = emails.missionConfirmation(hostile, false, "https://web/m");

        assertThat(email.subject()).doesNotContain("\r", "\n");
    }

    @Test
    void an_email_refuses_line_breaks_in_header_values() {
        assertThatThrownBy(() -> new EmailMessage("a@b.example", "ok", "t", "h", Map.of("X-Test", "a\r\nBcc: c@d.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailMessage("a@b.example\nBcc: c@d.example", "ok", "t", "h", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remote_and_pro_bono_reasons_are_plain_words() {
        var reasons = new MatchReasons(List.of("SEO"), 1, List.of(), PlaceFit.REMOTE, null, 0, null, true);

        assertThat(emails.reasonLines(reasons, "fr")).contains("Lieu : à distance", "Rémunération : mission pro bono, que vous acceptez");
    }
}
