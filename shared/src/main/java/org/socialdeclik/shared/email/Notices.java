package org.socialdeclik.shared.email;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.Profile;

/**
 * The short notices of the loop after the first email (issue 11), each from the one {@code notice}
 * template (HTML and text), in the reader's language: to freelancers the closing of a mission they
 * were interested in, "still available?" and "paused"; to organisations the follow-up and the last
 * notice before a mission closes by itself.
 */
public final class Notices {
    /** A freelancer as the organisation's follow-up lists them (the organisation has their contact already). */
    public record Interested(String name, String email) {}

    private record Action(String label, String url) {}

    /** To a freelancer who said they were interested: the mission closed; never anyone else's data. */
    public EmailMessage missionClosed(Profile profile, Mission mission, MissionOutcome outcome, String meLink,
                                      String unsubscribeLink, String oneClickUrl) {
        Words w = Words.of(profile.locale());
        String key = outcome == null ? "closed.other" : outcome.filled() ? "closed.filled"
                : outcome == MissionOutcome.CANCELLED ? "closed.cancelled" : "closed.other";
        return notice(w, profile.email(), w.text("closed.subject", mission.title()), w.text("hello", profile.firstName()),
                List.of(w.text(key, mission.title(), mission.organization().name()), w.lookup("closed.thanks")), List.of(), null,
                new Action(w.lookup("closed.action"), meLink), null, "footer.freelancer", unsubscribeLink, oneClickUrl);
    }

    /** To the organisation, some days after the first interest: who is interested, and its link. */
    public EmailMessage followUp(Mission mission, List<Interested> interested, String manageLink) {
        Words w = Words.of(mission.locale());
        List<String> items = new ArrayList<>();
        interested.forEach(person -> items.add(person.name() + " (" + person.email() + ")"));
        return notice(w, mission.organization().email(), w.text("followUp.subject", mission.title()),
                w.text("hello", mission.organization().name()),
                List.of(w.text("followUp.intro", mission.title(), w.count("freelancers", interested.size()))),
                items, w.lookup("followUp.ask"), new Action(w.lookup("report.action"), manageLink), null, "footer.organization", null, null);
    }

    /** To the organisation at the deadline (or start date): it closes by itself on {@code closesOn}. */
    public EmailMessage lastNotice(Mission mission, LocalDate deadline, LocalDate closesOn, int interested, String manageLink) {
        Words w = Words.of(mission.locale());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(w.text("lastNotice.intro", mission.title(), w.date(deadline), w.date(closesOn)));
        if (interested > 0) {
            paragraphs.add(w.text("lastNotice.interest", w.count("freelancers", interested)));
        }
        paragraphs.add(w.lookup("lastNotice.ask"));
        return notice(w, mission.organization().email(), w.text("lastNotice.subject", mission.title()),
                w.text("hello", mission.organization().name()), paragraphs, List.of(), null,
                new Action(w.lookup("report.action"), manageLink), null, "footer.organization", null, null);
    }

    /** "Still available?": two one-click answers; the pause lasts until {@code pauseUntil} by default. */
    public EmailMessage availabilityCheck(Profile profile, long quietDays, LocalDate pauseUntil, LocalDate answerBy,
                                          String availableLink, String pauseLink, String unsubscribeLink, String oneClickUrl) {
        Words w = Words.of(profile.locale());
        return notice(w, profile.email(), w.lookup("availability.subject"), w.text("hello", profile.firstName()),
                List.of(w.text("availability.intro", w.count("days", quietDays)), w.text("availability.pauseHint", w.date(pauseUntil)),
                        w.text("availability.noAnswer", w.date(answerBy))), List.of(), null,
                new Action(w.lookup("availability.yes"), availableLink), new Action(w.lookup("availability.pause"), pauseLink),
                "footer.freelancer", unsubscribeLink, oneClickUrl);
    }

    /** No answer: the profile is paused; one click resumes it. */
    public EmailMessage paused(Profile profile, String resumeLink, String unsubscribeLink, String oneClickUrl) {
        Words w = Words.of(profile.locale());
        return notice(w, profile.email(), w.lookup("paused.subject"), w.text("hello", profile.firstName()),
                List.of(w.lookup("paused.intro"), w.lookup("paused.resume")), List.of(), null,
                new Action(w.lookup("paused.action"), resumeLink), null, "footer.freelancer", unsubscribeLink, oneClickUrl);
    }

    private static EmailMessage notice(Words w, String to, String subject, String hello, List<String> paragraphs,
                                       List<String> items, String closing, Action first, Action second, String why,
                                       String unsubscribeLink, String oneClickUrl) {
        String action = first == null ? null : first.label();
        String url = first == null ? null : first.url();
        String action2 = second == null ? null : second.label();
        String url2 = second == null ? null : second.url();
        StringOutput html = new StringOutput(8 * 1024);
        org.socialdeclik.shared.email.html.email.JtenoticeGenerated.render(new OwaspHtmlTemplateOutput(html), null, w,
                subject, hello, paragraphs, items, closing, action, url, action2, url2, why, unsubscribeLink);
        StringOutput text = new StringOutput(4 * 1024);
        org.socialdeclik.shared.email.text.email.JtenoticeGenerated.render(text, null, w, hello, paragraphs, items,
                closing, action, url, action2, url2, why, unsubscribeLink);
        return new EmailMessage(to, Emails.oneLine(subject), text.toString(), html.toString(),
                oneClickUrl == null ? Map.of() : Emails.unsubscribeHeaders(oneClickUrl));
    }
}
