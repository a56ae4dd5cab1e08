package org.socialdeclik.shared.email;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.vocab.Department;
import org.socialdeclik.shared.domain.vocab.Places;

/**
 * Writes every email of the platform, French first and English as a choice, each with a text
 * and an HTML part. Every piece of user text goes through {@link Html#escape} in the HTML part.
 */
public final class Emails {
    private final Places places;

    public Emails(Places places) {
        this.places = places;
    }

    private static boolean en(String locale) {
        return "en".equals(locale);
    }

    public EmailMessage verification(Profile profile, String verifyLink) {
        boolean en = en(profile.locale());
        String subject = en ? "Confirm your email address - Social Declik" : "Confirmez votre adresse email - Social Declik";
        String intro = en
                ? "Hello " + profile.firstName() + ", please confirm your address to activate your Social Declik profile. Until then we will send you nothing else."
                : "Bonjour " + profile.firstName() + ", confirmez votre adresse pour activer votre profil Social Declik. D'ici là, nous ne vous enverrons rien d'autre.";
        String action = en ? "Confirm my address" : "Confirmer mon adresse";
        String outro = en ? "If you did not create this profile, ignore this email." : "Si vous n'avez pas créé ce profil, ignorez cet email.";
        return simple(profile.email(), subject, intro, action, verifyLink, outro, profile.locale());
    }

    public EmailMessage signIn(Profile profile, String meLink) {
        boolean en = en(profile.locale());
        String subject = en ? "Your link to manage your profile - Social Declik" : "Votre lien pour gérer votre profil - Social Declik";
        String intro = en
                ? "Hello " + profile.firstName() + ", someone (probably you) asked to manage your Social Declik profile. Use this link to view, edit, export or delete it."
                : "Bonjour " + profile.firstName() + ", quelqu'un (sans doute vous) a demandé à gérer votre profil Social Declik. Ce lien permet de le consulter, le modifier, l'exporter ou le supprimer.";
        String action = en ? "Manage my profile" : "Gérer mon profil";
        String outro = en ? "If you did not ask for it, ignore this email: nothing changes." : "Si vous n'avez rien demandé, ignorez cet email : rien ne change.";
        return simple(profile.email(), subject, intro, action, meLink, outro, profile.locale());
    }

    public EmailMessage missionConfirmation(Mission mission, boolean published, String manageLink) {
        boolean en = en(mission.locale());
        String subject = en ? "We received your mission: " + oneLine(mission.title())
                : "Nous avons bien reçu votre mission : " + oneLine(mission.title());
        String status = published
                ? (en ? "It is published: we are proposing it to the freelancers who fit." : "Elle est publiée : nous la proposons aux freelances qui correspondent.")
                : (en ? "Our team will review it shortly, then propose it to the freelancers who fit." : "Notre équipe va l'examiner rapidement, puis la proposer aux freelances qui correspondent.");
        String intro = (en ? "Thank you, " : "Merci, ") + mission.organization().name() + ". "
                + (en ? "Your mission \"" : "Votre mission « ") + mission.title() + (en ? "\" is registered. " : " » est enregistrée. ") + status;
        String action = en ? "Manage my mission" : "Gérer ma mission";
        String outro = en ? "Keep this email: its link lets you close the mission when it is filled."
                : "Gardez cet email : son lien permet de clore la mission une fois pourvue.";
        return simple(mission.organization().email(), subject, intro, action, manageLink, outro, mission.locale());
    }

    public EmailMessage missionReview(String adminEmail, Mission mission, String reviewLink) {
        String subject = "Mission à examiner : " + oneLine(mission.title());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        text.append("Une nouvelle mission attend votre examen.\n\n");
        html.append("<p>Une nouvelle mission attend votre examen.</p>\n");
        describeMission(mission, true, text, html);
        text.append("\nApprouver ou refuser : ").append(reviewLink).append('\n');
        html.append("<p><a href=\"").append(Html.escape(reviewLink)).append("\">Approuver ou refuser</a></p>\n");
        return new EmailMessage(adminEmail, subject, text.toString(), wrap(html.toString(), "fr"), Map.of());
    }

    /** A proposal: one mission, why it fits, an interest link and an unsubscribe link. */
    public EmailMessage proposal(Profile profile, Mission mission, MatchReasons reasons, String interestLink,
                                 String unsubscribeLink, String oneClickUrl) {
        boolean en = en(profile.locale());
        String subject = (en ? "A mission for you: " : "Une mission pour vous : ") + oneLine(mission.title());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String hello = (en ? "Hello " : "Bonjour ") + profile.firstName() + (en
                ? ", this mission fits your profile." : ", cette mission correspond à votre profil.");
        text.append(hello).append("\n\n");
        html.append("<p>").append(Html.escape(hello)).append("</p>\n");
        describeMission(mission, false, text, html);
        reasons(reasons, profile.locale(), text, html);
        String action = en ? "I'm interested" : "Je suis intéressé·e";
        text.append('\n').append(action).append(" : ").append(interestLink).append('\n');
        html.append("<p><a href=\"").append(Html.escape(interestLink)).append("\">").append(Html.escape(action)).append("</a></p>\n");
        footer(profile.locale(), unsubscribeLink, text, html);
        return new EmailMessage(profile.email(), subject, text.toString(), wrap(html.toString(), profile.locale()),
                unsubscribeHeaders(oneClickUrl));
    }

    /** A digest of the missions a profile newly fits, sent when it becomes active or changes. */
    public EmailMessage digest(Profile profile, List<DigestItem> items, String unsubscribeLink, String oneClickUrl) {
        boolean en = en(profile.locale());
        String subject = en ? items.size() + " mission(s) for you on Social Declik"
                : items.size() + " mission(s) pour vous sur Social Declik";
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String hello = (en ? "Hello " : "Bonjour ") + profile.firstName() + (en
                ? ", these open missions fit your profile." : ", ces missions ouvertes correspondent à votre profil.");
        text.append(hello).append("\n\n");
        html.append("<p>").append(Html.escape(hello)).append("</p>\n");
        String action = en ? "I'm interested" : "Je suis intéressé·e";
        for (DigestItem item : items) {
            text.append("----\n");
            html.append("<hr>\n");
            describeMission(item.mission(), false, text, html);
            reasons(item.reasons(), profile.locale(), text, html);
            text.append(action).append(" : ").append(item.interestLink()).append("\n\n");
            html.append("<p><a href=\"").append(Html.escape(item.interestLink())).append("\">")
                    .append(Html.escape(action)).append("</a></p>\n");
        }
        footer(profile.locale(), unsubscribeLink, text, html);
        return new EmailMessage(profile.email(), subject, text.toString(), wrap(html.toString(), profile.locale()),
                unsubscribeHeaders(oneClickUrl));
    }

    /** The organisation learns who is interested, with their contact and why they fit. */
    public EmailMessage interestToOrganization(Mission mission, Profile profile, MatchReasons reasons) {
        boolean en = en(mission.locale());
        String subject = (en ? "A freelancer is interested in your mission: " : "Un·e freelance est intéressé·e par votre mission : ")
                + oneLine(mission.title());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String intro = en
                ? profile.displayName() + " would like to work on your mission \"" + mission.title() + "\". Write to them directly."
                : profile.displayName() + " souhaite travailler sur votre mission « " + mission.title() + " ». Écrivez-lui directement.";
        text.append(intro).append("\n\n");
        html.append("<p>").append(Html.escape(intro)).append("</p>\n<ul>");
        String contact = (en ? "Email: " : "Email : ") + profile.email();
        text.append(contact).append('\n');
        html.append("<li>").append(Html.escape(en ? "Email: " : "Email : "))
                .append("<a href=\"mailto:").append(Html.escape(profile.email())).append("\">")
                .append(Html.escape(profile.email())).append("</a></li>");
        if (profile.headline() != null) {
            String headline = (en ? "Headline: " : "Accroche : ") + profile.headline();
            text.append(headline).append('\n');
            html.append("<li>").append(Html.escape(headline)).append("</li>");
        }
        html.append("</ul>\n");
        text.append('\n');
        reasons(reasons, mission.locale(), text, html);
        return new EmailMessage(mission.organization().email(), subject, text.toString(),
                wrap(html.toString(), mission.locale()), Map.of());
    }

    /** The freelancer's confirmation that the organisation has their contact. */
    public EmailMessage interestConfirmation(Profile profile, Mission mission) {
        boolean en = en(profile.locale());
        String subject = en ? "We passed on your interest: " + oneLine(mission.title())
                : "Votre intérêt a été transmis : " + oneLine(mission.title());
        String intro = en
                ? "Hello " + profile.firstName() + ", " + mission.organization().name() + " now has your name, email and headline for the mission \"" + mission.title() + "\". They will contact you directly."
                : "Bonjour " + profile.firstName() + ", " + mission.organization().name() + " a reçu vos nom, email et accroche pour la mission « " + mission.title() + " ». L'organisation vous contactera directement.";
        String text = intro + "\n";
        String html = "<p>" + Html.escape(intro) + "</p>\n";
        return new EmailMessage(profile.email(), subject, text, wrap(html, profile.locale()), Map.of());
    }

    /** One mission of a digest with its reasons and interest link. */
    public record DigestItem(Mission mission, MatchReasons reasons, String interestLink) {}

    private static Map<String, String> unsubscribeHeaders(String oneClickUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + oneClickUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    private void describeMission(Mission mission, boolean forAdmin, StringBuilder text, StringBuilder html) {
        boolean en = en(mission.locale()) && !forAdmin;
        text.append(mission.title()).append('\n');
        text.append(mission.organization().name()).append(" (").append(mission.organization().type()).append(")\n");
        html.append("<h2>").append(Html.escape(mission.title())).append("</h2>\n");
        html.append("<p><strong>").append(Html.escape(mission.organization().name())).append("</strong> (")
                .append(Html.escape(mission.organization().type().name())).append(")</p>\n");
        String description = forAdmin ? mission.description() : excerpt(mission.description(), 600);
        text.append(description).append("\n\n");
        html.append("<p>").append(Html.paragraphs(description)).append("</p>\n");
        String skills = String.join(", ", mission.skills());
        String when = (en ? "Start: " : "Début : ") + mission.startDate()
                + (mission.applicationDeadline() == null ? "" : (en ? ", apply by " : ", candidature avant le ") + mission.applicationDeadline());
        String money = mission.proBono() ? (en ? "Pro bono" : "Pro bono (bénévole)")
                : mission.budget() + " € / " + mission.estimatedDays() + (en ? " days" : " jours");
        text.append(en ? "Skills: " : "Compétences : ").append(skills).append('\n').append(when).append('\n').append(money).append('\n');
        html.append("<ul><li>").append(en ? "Skills: " : "Compétences : ").append(Html.escape(skills)).append("</li><li>")
                .append(Html.escape(when)).append("</li><li>").append(Html.escape(money)).append("</li>");
        if (forAdmin) {
            String contact = "Contact : " + mission.organization().email()
                    + (mission.organization().website() == null ? "" : " - " + mission.organization().website());
            text.append(contact).append('\n');
            html.append("<li>").append(Html.escape(contact)).append("</li>");
        }
        html.append("</ul>\n");
    }

    /** The reasons in plain words: skills, causes, place, pay. */
    public List<String> reasonLines(MatchReasons reasons, String locale) {
        boolean en = en(locale);
        List<String> lines = new java.util.ArrayList<>();
        lines.add((en ? "Skills in common: " : "Compétences en commun : ") + String.join(", ", reasons.sharedSkills()));
        if (!reasons.sharedCauses().isEmpty()) {
            lines.add((en ? "Causes you share: " : "Causes partagées : ") + String.join(", ", reasons.sharedCauses()));
        }
        lines.add((en ? "Where: " : "Lieu : ") + placeWords(reasons, en));
        if (reasons.proBono()) {
            lines.add(en ? "Pay: pro bono, which you accept" : "Rémunération : mission pro bono, que vous acceptez");
        } else if (reasons.minimumRate() != null) {
            lines.add(en ? "Pay: " + reasons.dailyPay() + " € per day, for your minimum of " + reasons.minimumRate() + " €"
                    : "Rémunération : " + reasons.dailyPay() + " € par jour, pour un minimum de " + reasons.minimumRate() + " €");
        } else {
            lines.add(en ? "Pay: " + reasons.dailyPay() + " € per day" : "Rémunération : " + reasons.dailyPay() + " € par jour");
        }
        return lines;
    }

    private String placeWords(MatchReasons reasons, boolean en) {
        if (reasons.place() == org.socialdeclik.shared.domain.match.PlaceFit.REMOTE) {
            return en ? "remote" : "à distance";
        }
        String name = places.department(reasons.department()).map(Department::name).orElse(reasons.department())
                + " (" + reasons.department() + ")";
        return switch (reasons.place()) {
            case SAME_DEPARTMENT -> name + (en ? ", your département" : ", votre département");
            case SAME_REGION -> name + (en ? ", in your région" : ", dans votre région");
            default -> name + (en ? ", you travel anywhere in France" : ", vous vous déplacez partout en France");
        };
    }

    private void reasons(MatchReasons reasons, String locale, StringBuilder text, StringBuilder html) {
        boolean en = en(locale);
        text.append(en ? "Why this mission:\n" : "Pourquoi cette mission :\n");
        html.append("<p>").append(en ? "Why this mission:" : "Pourquoi cette mission :").append("</p>\n<ul>");
        for (String line : reasonLines(reasons, locale)) {
            text.append("- ").append(line).append('\n');
            html.append("<li>").append(Html.escape(line)).append("</li>");
        }
        html.append("</ul>\n");
    }

    private static void footer(String locale, String unsubscribeLink, StringBuilder text, StringBuilder html) {
        boolean en = en(locale);
        String words = en ? "Stop receiving missions" : "Ne plus recevoir de missions";
        text.append("\n--\n").append(words).append(" : ").append(unsubscribeLink).append('\n');
        html.append("<hr><p style=\"font-size:small\"><a href=\"").append(Html.escape(unsubscribeLink)).append("\">")
                .append(Html.escape(words)).append("</a></p>\n");
    }

    private static EmailMessage simple(String to, String subject, String intro, String action, String link,
                                       String outro, String locale) {
        String text = intro + "\n\n" + action + " : " + link + "\n\n" + outro + "\n";
        String html = "<p>" + Html.escape(intro) + "</p>\n<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(action)
                + "</a></p>\n<p>" + Html.escape(outro) + "</p>\n";
        return new EmailMessage(to, subject, text, wrap(html, locale), Map.of());
    }

    private static String wrap(String body, String locale) {
        return "<!DOCTYPE html>\n<html lang=\"" + (en(locale) ? "en" : "fr") + "\"><head><meta charset=\"utf-8\"><title>Social Declik</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em\">\n" + body + "<p>Social Declik</p>\n</body></html>\n";
    }

    private static String excerpt(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).strip() + " ...";
    }

    /** Subjects are one line whatever the title held. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
