package org.socialdeclik.shared.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
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

/** Every email, in both languages, with hostile values where a person can type text. */
class EmailsTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String QUOTES = "\"quoted\" & 'single' <b>bold</b>";
    static final String LONG_WORD = "Supercalifragilistic".repeat(12);
    static final String EMOJI = "Jardin 🌱 partagé";

    final Emails emails = new Emails(Places.france());

    static Mission mission(String locale, WorkMode mode, int budget, boolean proBono) {
        return new Mission("m1", SCRIPT + " " + EMOJI, QUOTES + "\n\n" + LONG_WORD,
                new Organization(QUOTES, OrganizationType.SCIC, "org@example.org", "https://org.example/?a=1&b=2"),
                List.of("WordPress", "référencement naturel", SCRIPT), List.of("environnement"),
                mode == WorkMode.REMOTE ? null : new Place("35", null), mode, budget, 6, proBono,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 1), locale);
    }

    static Mission mission(String locale) {
        return mission(locale, WorkMode.HYBRID, 3000, false);
    }

    static Profile profile(String locale) {
        return new Profile("p1", "ana@example.org", SCRIPT, "Le Gall " + EMOJI, QUOTES, LONG_WORD + "\n" + SCRIPT,
                "https://ana.example/work?x=\"1\"", List.of("WordPress", "référencement naturel"), List.of("environnement"),
                new Place("35", "35000"), Mobility.REGION, true, 450, 300, false,
                new Availability(4, LocalDate.of(2027, 1, 4)), List.of("fr", "en"), locale, true);
    }

    static final MatchReasons REASONS = new MatchReasons(List.of("WordPress", "référencement naturel"), 3,
            List.of("environnement"), PlaceFit.SAME_DEPARTMENT, "35", 500, 300, false);

    static final MatchingSummary NOBODY = new MatchingSummary(0, 0, List.of(SCRIPT), 2, 3, 420, 0, 1);

    /** Every email the platform writes, for a reader of the given language. */
    static Stream<Object[]> everyEmail() {
        Map<String, Function<String, EmailMessage>> all = new java.util.LinkedHashMap<>();
        Emails e = new Emails(Places.france());
        all.put("verification", l -> e.verification(profile(l), "https://web.example/verify?token=a&b=<c>"));
        all.put("signIn", l -> e.signIn(profile(l), "https://web.example/me?token=a"));
        all.put("missionConfirmation", l -> e.missionConfirmation(mission(l), true, "https://web.example/manage-mission?token=a"));
        all.put("missionReview", l -> e.missionReview("admin@example.org", mission(l), "https://web.example/review?token=a"));
        all.put("proposal", l -> e.proposal(profile(l), mission(l), REASONS, "https://web.example/interest?token=a",
                "https://web.example/unsubscribe?token=b", "https://api.example/unsubscribe?token=b"));
        all.put("digest", l -> e.digest(profile(l), List.of(new Emails.DigestItem(mission(l), REASONS, "https://web.example/i1"),
                new Emails.DigestItem(mission(l), REASONS, "https://web.example/i2")),
                "https://web.example/unsubscribe?token=b", "https://api.example/unsubscribe?token=b"));
        all.put("interestToOrganization", l -> e.interestToOrganization(mission(l), profile(l), REASONS));
        all.put("interestConfirmation", l -> e.interestConfirmation(profile(l), mission(l), REASONS, "https://web.example/me?token=c"));
        all.put("matchingReport.some", l -> e.matchingReport(mission(l), 3, new MatchingSummary(3, 1, List.of(), 0, 0, null, 0, 0),
                "https://web.example/manage-mission?token=a"));
        all.put("matchingReport.none", l -> e.matchingReport(mission(l), 0, NOBODY, "https://web.example/manage-mission?token=a"));
        Notices n = new Notices();
        for (MissionOutcome outcome : new MissionOutcome[] {MissionOutcome.FILLED_HERE, MissionOutcome.CANCELLED, MissionOutcome.EXPIRED}) {
            all.put("missionClosed." + outcome, l -> n.missionClosed(profile(l), mission(l), outcome, "https://web.example/me?token=c",
                    "https://web.example/unsubscribe?token=b", "https://api.example/unsubscribe?token=b"));
        }
        all.put("followUp", l -> n.followUp(mission(l), List.of(new Notices.Interested(SCRIPT + " " + EMOJI, "ana@example.org")),
                "https://web.example/manage-mission?token=a"));
        all.put("lastNotice", l -> n.lastNotice(mission(l), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 4), 1,
                "https://web.example/manage-mission?token=a"));
        all.put("availabilityCheck", l -> n.availabilityCheck(profile(l), 60, LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 15),
                "https://web.example/availability?answer=AVAILABLE&token=a", "https://web.example/availability?answer=PAUSE&token=a",
                "https://web.example/unsubscribe?token=b", "https://api.example/unsubscribe?token=b"));
        all.put("availabilityPaused", l -> n.paused(profile(l), "https://web.example/availability?answer=AVAILABLE&token=a",
                "https://web.example/unsubscribe?token=b", "https://api.example/unsubscribe?token=b"));
        return all.entrySet().stream().flatMap(entry -> Stream.of("fr", "en")
                .map(locale -> new Object[] {entry.getKey(), locale, entry.getValue().apply(locale)}));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("everyEmail")
    void every_email_escapes_what_people_typed_in_its_html_part(String kind, String locale, EmailMessage email) {
        assertThat(email.html()).doesNotContain("<script>", "<b>bold</b>", "alert(1)</script>")
                .contains("&lt;script&gt;");
        assertThat(email.html()).doesNotContainPattern("href=\"[^\"]*\"[^\"]*quoted");
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("everyEmail")
    void every_email_is_a_phone_ready_page_in_its_readers_language_with_a_text_part(String kind, String locale,
                                                                                 EmailMessage email) {
        String lang = kind.equals("missionReview") ? "fr" : locale;
        assertThat(email.html()).startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"" + lang + "\"", "name=\"viewport\" content=\"width=device-width, initial-scale=1\"",
                        "max-width:600px", "prefers-color-scheme: dark", "role=\"presentation\"");
        assertThat(email.text()).isNotBlank().doesNotContain("<p", "<a ", "&lt;", "&amp;");
        assertThat(email.subject()).doesNotContain("\n", "\r").isNotBlank();
        // the action is a button and also written out, in both parts
        assertThat(email.html()).contains("class=\"button\"");
        String link = email.html().replaceAll("(?s).*class=\"link-out\" href=\"([^\"]+)\".*", "$1")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assertThat(link).matches("(https|mailto):.+");
        assertThat(email.text()).contains(link.replaceFirst("^mailto:", ""));
    }

    @ParameterizedTest(name = "{0} (en)")
    @MethodSource("everyEmail")
    void an_english_reader_gets_no_french_words(String kind, String locale, EmailMessage email) {
        if (!locale.equals("en") || kind.equals("missionReview")) {
            return;
        }
        assertThat(email.text() + email.html()).doesNotContain("Compétences", "Début", " jours", "Rémunération",
                "Lieu\u00a0:", "Bonjour", "mission(s)", "jour(s)", "ASSOCIATION", "2027-03-01");
    }

    @Test
    void dates_amounts_and_plurals_are_written_as_people_write_them() {
        assertThat(Words.FR.date(LocalDate.of(2027, 3, 1))).isEqualTo("1er\u00a0mars 2027");
        assertThat(Words.EN.date(LocalDate.of(2027, 3, 1))).isEqualTo("1 March 2027");
        assertThat(Words.FR.date(LocalDate.of(2027, 1, 4))).isEqualTo("4\u00a0janvier 2027");
        assertThat(Words.FR.money(3000)).isEqualTo("3\u202f000\u00a0€");
        assertThat(Words.EN.money(3000)).isEqualTo("€3,000");
        assertThat(Words.EN.money(1234567)).isEqualTo("€1,234,567");
        assertThat(Words.FR.count("missions", 1)).isEqualTo("1 mission");
        assertThat(Words.FR.count("missions", 0)).isEqualTo("0 mission");
        assertThat(Words.FR.count("missions", 2)).isEqualTo("2 missions");
        assertThat(Words.EN.count("missions", 0)).isEqualTo("0 missions");
        assertThat(Words.EN.count("days", 1)).isEqualTo("1 day");
        assertThat(Words.FR.list(List.of("A", "B", "C"))).isEqualTo("A, B et C");
        assertThat(Words.EN.list(List.of("A", "B"))).isEqualTo("A and B");
    }

    @Test
    void a_proposal_says_in_words_what_where_when_and_how_much() {
        EmailMessage fr = emails.proposal(profile("fr"), mission("fr"), REASONS, "https://i", "https://u", "https://o");
        EmailMessage en = emails.proposal(profile("en"), mission("fr"), REASONS, "https://i", "https://u", "https://o");

        assertThat(fr.text()).contains("société coopérative d'intérêt collectif (SCIC)",
                "hybride (sur place et à distance), Ille-et-Vilaine (35)", "début le 1er\u00a0mars 2027",
                "candidatures jusqu'au 1er\u00a0février 2027", "3\u202f000\u00a0€ pour 6 jours, soit 500\u00a0€ par jour",
                "Ille-et-Vilaine (35), votre département", "500\u00a0€ par jour, pour un minimum de 300\u00a0€");
        // the mission was written in French; its known skills are named in English for this reader
        assertThat(en.text()).contains("community interest cooperative (SCIC)", "hybrid (on site and remote)",
                "starts 1 March 2027", "€3,000 for 6 days, that is €500 a day", "Skills in common: WordPress and Search engine optimisation (SEO)");
        assertThat(en.headers()).containsEntry("List-Unsubscribe", "<https://o>")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Test
    void a_narrower_skill_is_said_in_words_as_a_kind_of_the_one_asked() {
        MatchReasons reasons = new MatchReasons(List.of("WordPress"), 2, List.of(), PlaceFit.REMOTE, null, 500, null, false,
                List.of(new MatchReasons.Related("drupal", "cms")));

        EmailMessage fr = emails.proposal(profile("fr"), mission("fr"), reasons, "https://i", "https://u", "https://o");
        EmailMessage en = emails.proposal(profile("en"), mission("fr"), reasons, "https://i", "https://u", "https://o");
        EmailMessage org = emails.interestToOrganization(mission("fr"), profile("fr"), reasons);

        assertThat(fr.text()).containsPattern("Compétences proches de celles demandées.:.Drupal, un CMS");
        assertThat(fr.html()).contains("Drupal, un CMS");
        assertThat(en.text()).contains("Skills close to those asked: Drupal, a CMS");
        assertThat(org.text()).contains("Drupal, un CMS");
    }

    @Test
    void the_introduction_gives_the_organisation_what_it_needs_and_never_the_minimum_rate() {
        Profile ana = new Profile("p1", "ana@example.org", "Anaïs", "Le Gall", "Développeuse WordPress", "Dix ans de sites.",
                "https://ana.example", List.of("WordPress"), List.of("environnement"), new Place("35", "35000"),
                Mobility.REGION, true, 450, 300, false, new Availability(4, LocalDate.of(2027, 1, 4)), List.of("fr", "en"),
                "fr", true);

        EmailMessage email = emails.interestToOrganization(mission("fr"), ana, REASONS);

        assertThat(email.headers()).containsEntry("Reply-To", "=?UTF-8?B?QW5hw69zIExlIEdhbGw=?= <ana@example.org>");
        assertThat(email.text()).contains("Développeuse WordPress", "Dix ans de sites.", "Compétences\u00a0: WordPress",
                "Tarif journalier habituel\u00a0: 450\u00a0€ par jour", "4 jours par mois, à partir du 4\u00a0janvier 2027",
                "Langues\u00a0: français et anglais", "Portfolio\u00a0: https://ana.example", "dans votre département, Ille-et-Vilaine (35)",
                "votre budget de 500\u00a0€ par jour lui convient")
                .doesNotContain("300", "minimum de");
        assertThat(email.html()).doesNotContain("300\u00a0€");
    }

    @Test
    void the_freelancers_confirmation_lists_exactly_what_the_organisation_received() {
        Profile ana = profile("fr");
        EmailMessage toOrganization = emails.interestToOrganization(mission("fr"), ana, REASONS);
        EmailMessage confirmation = emails.interestConfirmation(ana, mission("fr"), REASONS, "https://web/me");

        for (String line : toOrganization.text().split("\n")) {
            if (line.startsWith("- ")) {
                assertThat(confirmation.text()).contains(line);
            }
        }
        assertThat(confirmation.text()).contains("Votre tarif minimum et votre code postal n'ont pas été transmis.");
        // an English freelancer reads the same facts in English
        EmailMessage english = emails.interestConfirmation(profile("en"), mission("fr"), REASONS, "https://web/me");
        assertThat(english.text()).contains("- Usual day rate: €450 a day", "- Languages: French and English",
                "in your département, Ille-et-Vilaine (35)").doesNotContain("Tarif journalier", "Langues");
    }

    @Test
    void a_mission_nobody_fits_says_why_and_what_would_widen_it() {
        Mission lowPay = mission("fr", WorkMode.ONSITE, 300, false);

        EmailMessage email = emails.matchingReport(lowPay, 0, NOBODY, "https://web/manage");

        assertThat(email.subject()).startsWith("Personne ne correspond encore");
        assertThat(email.text()).contains("Aucun·e freelance inscrit·e ne propose " + SCRIPT,
                "50\u00a0€ par jour est en dessous", "au moins 420\u00a0€ par jour",
                "sur place en Ille-et-Vilaine (35)", "L'ouvrir au travail à distance",
                "après le début de la mission, le 1er\u00a0mars 2027");
    }

    @Test
    void the_report_counts_in_the_readers_language() {
        EmailMessage one = emails.matchingReport(mission("en"), 1, new MatchingSummary(1, 0, List.of(), 0, 0, null, 0, 0), "https://m");
        EmailMessage many = emails.matchingReport(mission("fr"), 4, new MatchingSummary(4, 0, List.of(), 0, 0, null, 0, 0), "https://m");

        assertThat(one.subject()).endsWith("was proposed to 1 freelancer");
        assertThat(many.subject()).endsWith("a été proposée à 4 freelances");
    }

    @Test
    void a_title_with_line_breaks_cannot_inject_headers_even_past_the_edge_checks() {
        Mission valid = mission("fr");
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
    void a_reply_to_mailbox_is_printable_ascii_within_the_ses_limit() {
        assertThat(Mailbox.format("Ana \"A\" Martin", "ana@example.org")).isEqualTo("\"Ana \\\"A\\\" Martin\" <ana@example.org>");
        assertThat(Mailbox.format("Zoë\r\nBcc: x@y.example", "z@example.org")).matches("[ -~]+").doesNotContain("Bcc");
        String long_ = Mailbox.format("é".repeat(400), "z@example.org");
        assertThat(long_).isEqualTo("<z@example.org>");
        assertThat(Mailbox.format("é".repeat(100), "z@example.org")).matches("[ -~]+").hasSizeLessThanOrEqualTo(Mailbox.MAX_HEADER);
    }
}
