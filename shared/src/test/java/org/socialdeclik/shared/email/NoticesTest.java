package org.socialdeclik.shared.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.domain.MissionOutcome;

/** The notices of the loop after the first email: what each says, and what it never says. */
class NoticesTest {
    final Notices notices = new Notices();

    @Test
    void a_closed_mission_says_filled_or_not_going_ahead_with_only_the_readers_own_name_and_the_way_out() {
        EmailMessage filled = notices.missionClosed(EmailsTest.profile("fr"), EmailsTest.mission("fr"),
                MissionOutcome.FILLED_ELSEWHERE, "https://w/me?token=m", "https://w/unsubscribe?token=u", "https://a/unsubscribe?token=u");
        EmailMessage cancelled = notices.missionClosed(EmailsTest.profile("en"), EmailsTest.mission("fr"),
                MissionOutcome.CANCELLED, "https://w/me?token=m", "https://w/unsubscribe?token=u", "https://a/unsubscribe?token=u");

        assertThat(filled.subject()).startsWith("La mission «");
        assertThat(filled.text()).contains("est pourvue", "Merci de votre intérêt", "https://w/unsubscribe?token=u")
                .doesNotContain("org@example.org");
        assertThat(cancelled.text()).contains("will not go ahead after all");
        assertThat(filled.headers()).containsEntry("List-Unsubscribe", "<https://a/unsubscribe?token=u>")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Test
    void the_follow_up_lists_who_is_interested_with_the_manage_link_and_the_last_notice_when_it_closes() {
        EmailMessage followUp = notices.followUp(EmailsTest.mission("fr"), List.of(new Notices.Interested("Ana Martin", "ana@example.org"),
                new Notices.Interested("Tom Baker", "tom@example.org")), "https://w/manage-mission?mission=m1&token=t");
        EmailMessage last = notices.lastNotice(EmailsTest.mission("en"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 4), 0,
                "https://w/manage-mission?mission=m1&token=t");

        assertThat(followUp.to()).isEqualTo("org@example.org");
        assertThat(followUp.text()).contains("intéresse 2", "- Ana Martin (ana@example.org)", "- Tom Baker (tom@example.org)",
                "https://w/manage-mission?mission=m1&token=t");
        assertThat(followUp.headers()).doesNotContainKey("List-Unsubscribe");
        assertThat(last.text().replace('\u00a0', ' ')).contains("reaches its deadline on 1 February 2027", "close by itself on 4 February 2027")
                .doesNotContain("interests 0");
    }

    @Test
    void still_available_offers_two_one_click_answers() {
        EmailMessage check = notices.availabilityCheck(EmailsTest.profile("fr"), 60, LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 15),
                "https://w/availability?answer=AVAILABLE&token=a", "https://w/availability?answer=PAUSE&token=a",
                "https://w/unsubscribe?token=u", "https://a/unsubscribe?token=u");

        assertThat(check.subject()).isEqualTo("Toujours disponible ?");
        assertThat(check.html()).contains("Je suis disponible", "Mettre en pause", "answer=PAUSE&amp;token=a");
        assertThat(check.text().replace('\u00a0', ' ').replace('\u202f', ' ')).contains("29 mars 2027", "15 mars 2027");
    }
}
