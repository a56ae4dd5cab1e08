package org.socialdeclik.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.socialdeclik.shared.domain.Availability;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.MissionOutcome;
import org.socialdeclik.shared.domain.Mobility;
import org.socialdeclik.shared.domain.Organization;
import org.socialdeclik.shared.domain.OrganizationType;
import org.socialdeclik.shared.domain.Place;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.MatchingSummary;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.email.Html;
import org.socialdeclik.shared.email.Notices;

/**
 * Writes every email of the platform, in French and in English (the admins' review in French
 * only), with realistic sample data
 * ({@code make emails}), or with hostile values ({@code --hostile}: markup, quotes, a very long
 * word, emoji) for the browser tests: {@code <kind>.<lang>.html} and {@code .txt} for each, an
 * {@code index.html} to browse them, and {@code emails.json} listing them.
 *
 * <p>Usage: {@code EmailGallery <output folder> [--hostile]}
 */
public final class EmailGallery {
    private static final String WEB = "https://www.socialdeclik.example";
    private static final String API = "https://api.socialdeclik.example";

    private final boolean hostile;

    private EmailGallery(boolean hostile) {
        this.hostile = hostile;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: EmailGallery <output folder> [--hostile]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        boolean hostile = List.of(args).contains("--hostile");
        int written = new EmailGallery(hostile).write(out);
        System.out.println("email gallery: " + written + " emails in " + out + (hostile ? " (hostile values)" : ""));
    }

    private String text(String realistic) {
        return hostile ? "<script>alert('x')</script> \"" + realistic + "\" & 🌱 " + "Anticonstitutionnellement".repeat(8) : realistic;
    }

    Profile freelancer(String locale) {
        boolean en = locale.equals("en");
        return new Profile("p-sample", en ? "tom.baker@example.org" : "anais.legall@example.org",
                text(en ? "Tom" : "Anaïs"), text(en ? "Baker" : "Le Gall"),
                text(en ? "Front-end developer, accessibility first" : "Développeuse WordPress et accessibilité"),
                text(en ? "Ten years of websites for non-profits, in English and French. I care about light, accessible sites."
                        : "Dix ans de sites pour des associations. J'aime les sites légers, accessibles et faciles à tenir à jour."),
                "https://portfolio.example/" + (en ? "tom-baker" : "anais-legall"),
                List.of("WordPress", en ? "SEO" : "référencement naturel", en ? "accessibility" : "accessibilité"),
                List.of(en ? "environment" : "environnement", en ? "solidarity and inclusion" : "solidarité et inclusion"),
                new Place("35", "35000"), Mobility.REGION, true, 450, 320, false,
                new Availability(4, LocalDate.of(2027, 1, 4)), List.of("fr", "en"), locale, true);
    }

    Mission mission(String locale) {
        boolean en = locale.equals("en");
        return new Mission("m-sample", text(en ? "A new website for the shared gardens" : "Refonte du site WordPress des Jardins Partagés"),
                text(en ? "Our website dates from 2015 and no longer works on phones.\nWe want it light, accessible and easy for our volunteers to update."
                        : "Notre site date de 2015 et ne s'affiche plus bien sur téléphone.\nNous le voulons léger, accessible et facile à mettre à jour par nos bénévoles."),
                new Organization(text(en ? "Shared Gardens of Rennes" : "Les Jardins Partagés"), OrganizationType.ASSOCIATION,
                        "contact@jardins.example", "https://jardins.example"),
                List.of("WordPress", en ? "UX design" : "design UX", en ? "SEO" : "référencement naturel"),
                List.of(en ? "environment" : "environnement"), new Place("35", null), WorkMode.HYBRID, 3000, 6, false,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 1), locale);
    }

    static final MatchReasons REASONS = new MatchReasons(List.of("WordPress", "référencement naturel"), 3,
            List.of("environnement"), PlaceFit.SAME_DEPARTMENT, "35", 500, 320, false);

    /** Every email, by name, for a reader of the given language. */
    Map<String, Function<String, EmailMessage>> emails() {
        Emails emails = new Emails(Places.france());
        Map<String, Function<String, EmailMessage>> all = new LinkedHashMap<>();
        all.put("verification", l -> emails.verification(freelancer(l), WEB + "/verify?token=sample-verify-token"));
        all.put("sign-in", l -> emails.signIn(freelancer(l), WEB + "/me?token=sample-access-token"));
        all.put("mission-confirmation", l -> emails.missionConfirmation(mission(l), false,
                WEB + "/manage-mission?mission=m-sample&token=sample-manage-token"));
        all.put("mission-review", l -> emails.missionReview("admin@socialdeclik.example", mission(l),
                WEB + "/review?mission=m-sample&token=sample-review-token"));
        all.put("admin-link", l -> emails.adminLink("admin@socialdeclik.example", l, WEB + "/admin?token=sample-admin-token"));
        all.put("proposal", l -> emails.proposal(freelancer(l), mission("fr"), REASONS,
                WEB + "/interest?mission=m-sample&token=sample-interest-token", WEB + "/unsubscribe?token=sample-unsubscribe-token",
                API + "/unsubscribe?token=sample-unsubscribe-token"));
        all.put("digest", l -> emails.digest(freelancer(l), List.of(
                new Emails.DigestItem(mission("fr"), REASONS, WEB + "/interest?mission=m-sample&token=sample-1"),
                new Emails.DigestItem(mission("en"), REASONS, WEB + "/interest?mission=m-sample-2&token=sample-2")),
                WEB + "/unsubscribe?token=sample-unsubscribe-token", API + "/unsubscribe?token=sample-unsubscribe-token"));
        all.put("interest-to-organisation", l -> emails.interestToOrganization(mission(l), freelancer("fr"), REASONS));
        all.put("interest-confirmation", l -> emails.interestConfirmation(freelancer(l), mission("fr"), REASONS,
                WEB + "/me?token=sample-access-token"));
        all.put("matching-report", l -> emails.matchingReport(mission(l), 12, new MatchingSummary(14, 2, List.of(), 0, 0, null, 0, 0),
                WEB + "/manage-mission?mission=m-sample&token=sample-manage-token"));
        all.put("matching-report-nobody", l -> emails.matchingReport(onSiteLowPay(mission(l)), 0,
                new MatchingSummary(0, 0, List.of("Drupal"), 3, 4, 380, 0, 0),
                WEB + "/manage-mission?mission=m-sample&token=sample-manage-token"));
        Notices notices = new Notices();
        String unsubscribe = WEB + "/unsubscribe?token=sample-unsubscribe-token";
        String oneClick = API + "/unsubscribe?token=sample-unsubscribe-token";
        all.put("mission-closed", l -> notices.missionClosed(freelancer(l), mission("fr"), MissionOutcome.FILLED_ELSEWHERE,
                WEB + "/me?token=sample-access-token", unsubscribe, oneClick));
        all.put("mission-closed-cancelled", l -> notices.missionClosed(freelancer(l), mission("fr"), MissionOutcome.CANCELLED,
                WEB + "/me?token=sample-access-token", unsubscribe, oneClick));
        all.put("follow-up", l -> notices.followUp(mission(l), List.of(
                new Notices.Interested(text("Anaïs Le Gall"), "anais.legall@example.org"),
                new Notices.Interested(text("Tom Baker"), "tom.baker@example.org")),
                WEB + "/manage-mission?mission=m-sample&token=sample-manage-token"));
        all.put("last-notice", l -> notices.lastNotice(mission(l), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 4), 2,
                WEB + "/manage-mission?mission=m-sample&token=sample-manage-token"));
        all.put("availability-check", l -> notices.availabilityCheck(freelancer(l), 60, LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 3, 15), WEB + "/availability?answer=AVAILABLE&token=sample-availability-token",
                WEB + "/availability?answer=PAUSE&token=sample-availability-token", unsubscribe, oneClick));
        all.put("availability-paused", l -> notices.paused(freelancer(l),
                WEB + "/availability?answer=AVAILABLE&token=sample-availability-token", unsubscribe, oneClick));
        return all;
    }

    private static Mission onSiteLowPay(Mission m) {
        return new Mission(m.id(), m.title(), m.description(), m.organization(), List.of("WordPress", "Drupal"), m.causes(),
                new Place("23", null), WorkMode.ONSITE, 600, 6, false, m.startDate(), m.applicationDeadline(), m.locale());
    }

    int write(Path out) throws IOException {
        Files.createDirectories(out);
        List<Map<String, Object>> listed = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        for (var entry : emails().entrySet()) {
            // the admins' review is in French whatever the mission's language: the association works in French
            for (String lang : entry.getKey().equals("mission-review") ? List.of("fr") : List.of("fr", "en")) {
                EmailMessage email = entry.getValue().apply(lang);
                String base = entry.getKey() + "." + lang;
                write(out.resolve(base + ".html"), email.html());
                write(out.resolve(base + ".txt"), "Subject: " + email.subject() + "\n"
                        + headers(email) + "\n" + email.text());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", entry.getKey());
                item.put("lang", lang);
                item.put("html", base + ".html");
                item.put("text", base + ".txt");
                item.put("subject", email.subject());
                listed.add(item);
                index.append("<li><a href=\"").append(base).append(".html\">").append(Html.escape(entry.getKey() + " (" + lang + ")"))
                        .append("</a>: ").append(Html.escape(email.subject())).append(" (<a href=\"").append(base)
                        .append(".txt\">text</a>)</li>\n");
            }
        }
        write(out.resolve("emails.json"), LocalMapper.string(listed) + "\n");
        write(out.resolve("index.html"), "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Social Declik emails</title></head>"
                + "<body><main><h1>Every email of Social Declik</h1><p>Written by <code>make emails</code> with sample data.</p>"
                + "<ul>\n" + index + "</ul></main></body></html>\n");
        return listed.size();
    }

    private static String headers(EmailMessage email) {
        // sorted by name: the headers map of some emails has no order, and the kept texts must not
        // change from one make emails to the next when the email did not
        StringBuilder out = new StringBuilder();
        new TreeMap<>(email.headers()).forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        return out.toString();
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
