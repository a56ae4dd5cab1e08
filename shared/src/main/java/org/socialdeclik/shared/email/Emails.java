package org.socialdeclik.shared.email;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.MatchingSummary;
import org.socialdeclik.shared.domain.vocab.Places;

/**
 * Writes every email of the platform in its reader's language, each with an HTML part and a
 * text part saying the same. Both come from templates compiled to Java at build time
 * ({@code shared/src/main/jte} and {@code jte-text}, classes under {@code ...email.html} and
 * {@code ...email.text}); the HTML templates escape every value they insert unless a template
 * says otherwise, and none does. Sentences, dates, amounts and plurals come from {@link Words}.
 */
public final class Emails {
    /** The name the recipients see beside the sender's address. */
    public static final String SENDER_NAME = "Social Declik";

    private final Views views;

    public Emails(Places places) {
        this.views = new Views(places);
    }

    private static StringOutput html() {
        return new StringOutput(16 * 1024);
    }

    private static StringOutput text() {
        return new StringOutput(8 * 1024);
    }

    private static EmailMessage message(String to, String subject, StringOutput text, StringOutput html,
                                        Map<String, String> headers) {
        return new EmailMessage(to, oneLine(subject), text.toString(), html.toString(), headers);
    }

    public EmailMessage verification(Profile profile, String verifyLink) {
        return simple(profile, "verify", verifyLink);
    }

    public EmailMessage signIn(Profile profile, String meLink) {
        return simple(profile, "signIn", meLink);
    }

    private EmailMessage simple(Profile profile, String kind, String link) {
        Words w = Words.of(profile.locale());
        return simple(w, profile.email(), kind, w.text("hello", profile.firstName()), link, "footer.freelancer");
    }

    /** To an admin, in the language the link was asked in: the sign-in link of the admins' desk. */
    public EmailMessage adminLink(String adminEmail, String locale, String adminLink) {
        Words w = Words.of(locale);
        return simple(w, adminEmail, "adminLink", w.lookup("adminLink.hello"), adminLink, "footer.admin");
    }

    private EmailMessage simple(Words w, String to, String kind, String hello, String link, String footer) {
        String subject = w.lookup(kind + ".subject");
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JtesimpleGenerated.render(new OwaspHtmlTemplateOutput(html), null, w,
                subject, hello, w.lookup(kind + ".intro"), w.lookup(kind + ".action"), link, w.lookup(kind + ".outro"),
                footer);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JtesimpleGenerated.render(text, null, w, hello,
                w.lookup(kind + ".intro"), w.lookup(kind + ".action"), link, w.lookup(kind + ".outro"), footer);
        return message(to, subject, text, html, Map.of());
    }

    /** To the organisation, in the mission's language: registered, what happens next, its link. */
    public EmailMessage missionConfirmation(Mission mission, boolean published, String manageLink) {
        Words w = Words.of(mission.locale());
        String subject = w.text("confirm.subject", mission.title());
        String hello = w.text("hello", mission.organization().name());
        String status = w.lookup(published ? "confirm.published" : "confirm.pending");
        MissionView view = views.mission(mission, w, false);
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JtemissionConfirmationGenerated.render(new OwaspHtmlTemplateOutput(html),
                null, w, subject, hello, status, view, manageLink);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JtemissionConfirmationGenerated.render(text, null, w, hello, status,
                view, manageLink);
        return message(mission.organization().email(), subject, text, html, Map.of());
    }

    /** To an admin (the association works in French): the mission in full with its contact. */
    public EmailMessage missionReview(String adminEmail, Mission mission, String reviewLink) {
        Words w = Words.FR;
        String subject = w.text("review.subject", mission.title());
        MissionView view = views.mission(mission, w, true);
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JtemissionReviewGenerated.render(new OwaspHtmlTemplateOutput(html), null,
                w, subject, view, reviewLink);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JtemissionReviewGenerated.render(text, null, w, view, reviewLink);
        return message(adminEmail, subject, text, html, Map.of());
    }

    /** A proposal: one mission, why it fits, an interest link and an unsubscribe link. */
    public EmailMessage proposal(Profile profile, Mission mission, MatchReasons reasons, String interestLink,
                                 String unsubscribeLink, String oneClickUrl) {
        Words w = Words.of(profile.locale());
        String subject = w.text("proposal.subject", mission.title());
        String hello = w.text("hello", profile.firstName());
        MissionView view = views.mission(mission, w, false);
        List<Line> why = views.reasonsForFreelancer(reasons, mission.locale(), w);
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JteproposalGenerated.render(new OwaspHtmlTemplateOutput(html), null, w,
                subject, hello, view, why, interestLink, unsubscribeLink);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JteproposalGenerated.render(text, null, w, hello, view, why,
                interestLink, unsubscribeLink);
        return message(profile.email(), subject, text, html, unsubscribeHeaders(oneClickUrl));
    }

    /** One mission of a digest with its reasons and interest link. */
    public record DigestItem(Mission mission, MatchReasons reasons, String interestLink) {}

    /** A digest of the missions a profile newly fits, sent when it becomes active or changes. */
    public EmailMessage digest(Profile profile, List<DigestItem> items, String unsubscribeLink, String oneClickUrl) {
        Words w = Words.of(profile.locale());
        String subject = w.text("digest.subject", w.count("missions", items.size()));
        String hello = w.text("hello", profile.firstName());
        List<DigestEntry> entries = new ArrayList<>();
        for (DigestItem item : items) {
            entries.add(new DigestEntry(views.mission(item.mission(), w, false),
                    views.reasonsForFreelancer(item.reasons(), item.mission().locale(), w), item.interestLink()));
        }
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JtedigestGenerated.render(new OwaspHtmlTemplateOutput(html), null, w,
                subject, hello, entries, unsubscribeLink);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JtedigestGenerated.render(text, null, w, hello, entries, unsubscribeLink);
        return message(profile.email(), subject, text, html, unsubscribeHeaders(oneClickUrl));
    }

    /**
     * The introduction: the organisation learns who is interested, everything it needs to decide
     * (never the freelancer's minimum rate) and why they fit; replying writes to the freelancer.
     */
    public EmailMessage interestToOrganization(Mission mission, Profile profile, MatchReasons reasons) {
        Words w = Words.of(mission.locale());
        FreelancerView freelancer = views.freelancer(profile, w);
        String subject = w.text("interest.subject", profile.displayName(), mission.title());
        String intro = w.text("interest.intro", profile.displayName(), mission.title());
        List<Line> why = views.reasonsForOrganization(reasons, w);
        String write = "mailto:" + profile.email();
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JteinterestOrganizationGenerated.render(new OwaspHtmlTemplateOutput(html),
                null, w, subject, intro, freelancer, why, write);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JteinterestOrganizationGenerated.render(text, null, w, intro, freelancer,
                why, write);
        return message(mission.organization().email(), subject, text, html,
                Map.of("Reply-To", Mailbox.format(profile.displayName(), profile.email())));
    }

    /**
     * The freelancer's confirmation, wholly in their language: the very lines the organisation
     * received (the same facts, worded for this reader) and what it did not receive.
     */
    public EmailMessage interestConfirmation(Profile profile, Mission mission, MatchReasons reasons, String meLink) {
        Words w = Words.of(profile.locale());
        FreelancerView shared = views.freelancer(profile, w);
        List<Line> why = views.reasonsForOrganization(reasons, w);
        String subject = w.text("interestAck.subject", mission.title());
        String hello = w.text("hello", profile.firstName());
        String intro = w.text("interestAck.intro", mission.organization().name(), mission.title());
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JteinterestConfirmationGenerated.render(new OwaspHtmlTemplateOutput(html),
                null, w, subject, hello, intro, shared, why, meLink);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JteinterestConfirmationGenerated.render(text, null, w, hello, intro,
                shared, why, meLink);
        return message(profile.email(), subject, text, html, Map.of());
    }

    /**
     * What matching did for a published mission: to how many it was proposed, or why nobody fits
     * yet, each reason with what would widen the search.
     */
    public EmailMessage matchingReport(Mission mission, int proposed, MatchingSummary summary, String manageLink) {
        Words w = Words.of(mission.locale());
        List<String> paragraphs = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String closing = null;
        String subject;
        if (proposed > 0 || summary.deferred() > 0) {
            subject = w.text("report.subject.some", mission.title(), w.count("freelancers", proposed + summary.deferred()));
            paragraphs.add(w.text("report.some", mission.title(), w.count("freelancers", proposed)));
            if (summary.deferred() > 0) {
                paragraphs.add(w.text("report.deferred", w.count("freelancers", summary.deferred())));
            }
        } else {
            subject = w.text("report.subject.none", mission.title());
            paragraphs.add(w.text("report.none", mission.title()));
            findings.addAll(findings(mission, summary, w));
            closing = w.lookup("report.none.later");
        }
        StringOutput html = html();
        org.socialdeclik.shared.email.html.email.JtematchingReportGenerated.render(new OwaspHtmlTemplateOutput(html), null,
                w, subject, paragraphs, findings, closing, manageLink);
        StringOutput text = text();
        org.socialdeclik.shared.email.text.email.JtematchingReportGenerated.render(text, null, w, paragraphs, findings,
                closing, manageLink);
        return message(mission.organization().email(), subject, text, html, Map.of());
    }

    /** Why nobody fits, in plain words, most telling first. */
    private List<Finding> findings(Mission mission, MatchingSummary summary, Words w) {
        List<Finding> out = new ArrayList<>();
        if (!summary.missingSkills().isEmpty()) {
            List<String> missing = Views.translated(org.socialdeclik.shared.domain.vocab.Vocabulary.skills(),
                    summary.missingSkills(), mission.locale(), w);
            out.add(new Finding(w.text("report.why.skills", w.list(missing)), w.lookup("report.widen.skills")));
        }
        if (summary.place() > 0 && mission.workMode() != WorkMode.REMOTE && mission.location() != null) {
            out.add(new Finding(w.text("report.why.place", views.department(mission.location().department())),
                    w.lookup("report.widen.place")));
        }
        if (summary.pay() > 0 && summary.medianMinimum() != null) {
            out.add(new Finding(w.text("report.why.pay", w.perDay(mission.dailyPay()), w.perDay(summary.medianMinimum())),
                    w.text("report.widen.pay", w.perDay(summary.medianMinimum()))));
        }
        if (summary.proBono() > 0) {
            out.add(new Finding(w.lookup("report.why.proBono"), w.lookup("report.widen.proBono")));
        }
        if (summary.time() > 0) {
            out.add(new Finding(w.text("report.why.time", w.date(mission.startDate())), w.lookup("report.widen.time")));
        }
        return out;
    }

    static Map<String, String> unsubscribeHeaders(String oneClickUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + oneClickUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /** Subjects are one line whatever the title held. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
    }
}
