package org.socialdeclik.shared.email;

import java.util.ArrayList;
import java.util.List;
import org.socialdeclik.shared.domain.Availability;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.WorkMode;
import org.socialdeclik.shared.domain.match.MatchReasons;
import org.socialdeclik.shared.domain.match.PlaceFit;
import org.socialdeclik.shared.domain.vocab.Department;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.domain.vocab.Term;
import org.socialdeclik.shared.domain.vocab.Vocabulary;

/**
 * Turns the platform's data into what an email shows, in the reader's words: codes become words,
 * dates and amounts are written out, skills and causes typed in the other language are shown by
 * their name in the reader's (when the vocabulary knows them).
 */
final class Views {
    /** How much of a mission's description a proposal shows; the admins read it whole. */
    static final int EXCERPT = 600;

    private final Places places;

    Views(Places places) {
        this.places = places;
    }

    /** "Finistère (29)"; the code alone for a code the list does not know. */
    String department(String code) {
        return places.department(code).map(Department::name).orElse(code) + " (" + code + ")";
    }

    /** Words typed in {@code source}'s language, for a reader of {@code w}'s: known terms are translated. */
    static List<String> translated(Vocabulary vocabulary, List<String> typed, String source, Words w) {
        if (w.lang().equals(Words.of(source).lang())) {
            return typed;
        }
        List<String> out = new ArrayList<>(typed.size());
        for (String word : typed) {
            Term term = vocabulary.understand(word);
            out.add(term.known() ? term.label(w.lang()) : word);
        }
        return out;
    }

    MissionView mission(Mission m, Words w, boolean forAdmin) {
        List<Line> facts = new ArrayList<>();
        facts.add(Line.of(w.lookup("mission.skills"), w.list(translated(Vocabulary.skills(), m.skills(), m.locale(), w))));
        if (!m.causes().isEmpty()) {
            facts.add(Line.of(w.lookup("mission.causes"), w.list(translated(Vocabulary.causes(), m.causes(), m.locale(), w))));
        }
        String where = m.workMode() == WorkMode.REMOTE || m.location() == null ? w.workMode(m.workMode())
                : w.text("mission.where.place", w.workMode(m.workMode()), department(m.location().department()));
        facts.add(Line.of(w.lookup("mission.where"), where));
        facts.add(Line.of(w.lookup("mission.when"), m.applicationDeadline() == null
                ? w.text("mission.start", w.date(m.startDate()))
                : w.text("mission.startAndDeadline", w.date(m.startDate()), w.date(m.applicationDeadline()))));
        String days = w.count("days", m.estimatedDays());
        facts.add(Line.of(w.lookup("mission.pay"), m.proBono() ? w.text("mission.pay.proBono", days)
                : w.text("mission.pay.budget", w.money(m.budget()), days, w.perDay(m.dailyPay()))));
        if (!w.lang().equals(Words.of(m.locale()).lang())) {
            facts.add(Line.of(w.lookup("mission.language"), w.language(Words.of(m.locale()).lang())));
        }
        if (forAdmin) {
            facts.add(new Line(w.lookup("mission.contact"), m.organization().email(), "mailto:" + m.organization().email()));
            if (m.organization().website() != null) {
                facts.add(new Line(w.lookup("mission.website"), m.organization().website(), m.organization().website()));
            }
        }
        String description = m.description() == null ? "" : m.description();
        if (!forAdmin && description.length() > EXCERPT) {
            description = description.substring(0, EXCERPT).strip() + "… " + w.lookup("mission.more");
        }
        return new MissionView(m.title(), m.organization().name(),
                w.text("mission.by", m.organization().name(), w.organizationType(m.organization().type())),
                paragraphs(description), facts);
    }

    /** Paragraphs split on line breaks, blank ones dropped. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            if (!paragraph.isBlank()) {
                out.add(paragraph.strip());
            }
        }
        return out;
    }

    /** The profile's skills that are a kind of one the mission asks for, in words: "Drupal, un CMS". */
    private static void related(MatchReasons r, Words w, List<Line> lines) {
        if (r.related().isEmpty()) {
            return;
        }
        Vocabulary skills = Vocabulary.skills();
        List<String> said = new ArrayList<>();
        for (MatchReasons.Related x : r.related()) {
            String skill = skills.byId(x.skill()).map(t -> t.label(w.lang())).orElse(x.skill());
            said.add(skill + ", " + skills.asBroader(x.broader(), w.lang()));
        }
        lines.add(Line.of(w.lookup("reason.related"), String.join(w.lang().equals("fr") ? " ; " : "; ", said)));
    }

    /** Why a mission fits, worded for the freelancer it is proposed to. */
    List<Line> reasonsForFreelancer(MatchReasons r, String missionLocale, Words w) {
        List<Line> lines = new ArrayList<>();
        if (!r.sharedSkills().isEmpty()) {
            lines.add(Line.of(w.lookup("reason.skills"), w.list(translated(Vocabulary.skills(), r.sharedSkills(), missionLocale, w))));
        }
        related(r, w, lines);
        if (!r.sharedCauses().isEmpty()) {
            lines.add(Line.of(w.lookup("reason.causes"), w.list(translated(Vocabulary.causes(), r.sharedCauses(), missionLocale, w))));
        }
        String place = switch (r.place()) {
            case REMOTE -> w.lookup("reason.place.remote");
            case SAME_DEPARTMENT -> w.text("reason.place.department", department(r.department()));
            case SAME_REGION -> w.text("reason.place.region", department(r.department()));
            case COUNTRY -> w.text("reason.place.country", department(r.department()));
        };
        lines.add(Line.of(w.lookup("reason.place"), place));
        String pay = r.proBono() ? w.lookup("reason.pay.proBono")
                : r.minimumRate() == null ? w.perDay(r.dailyPay())
                : w.text("reason.pay.minimum", w.perDay(r.dailyPay()), w.money(r.minimumRate()));
        lines.add(Line.of(w.lookup("reason.pay"), pay));
        return lines;
    }

    /**
     * Why the freelancer was proposed the mission, worded for the organisation: where they are
     * from its point of view, and never their minimum rate.
     */
    List<Line> reasonsForOrganization(MatchReasons r, Words w) {
        List<Line> lines = new ArrayList<>();
        if (!r.sharedSkills().isEmpty()) {
            lines.add(Line.of(w.lookup("orgReason.skills"), w.list(r.sharedSkills())));
        }
        related(r, w, lines);
        if (!r.sharedCauses().isEmpty()) {
            lines.add(Line.of(w.lookup("orgReason.causes"), w.list(r.sharedCauses())));
        }
        String place = r.place() == PlaceFit.REMOTE ? w.lookup("orgReason.place.remote")
                : w.text(switch (r.place()) {
                    case SAME_DEPARTMENT -> "orgReason.place.department";
                    case SAME_REGION -> "orgReason.place.region";
                    default -> "orgReason.place.country";
                }, department(r.department()));
        lines.add(Line.of(w.lookup("reason.place"), place));
        lines.add(Line.of(w.lookup("reason.pay"), r.proBono() ? w.lookup("orgReason.pay.proBono")
                : w.text("orgReason.pay.fits", w.perDay(r.dailyPay()))));
        return lines;
    }

    /** What the organisation receives about a freelancer: everything they gave but the minimum rate. */
    FreelancerView freelancer(Profile p, Words w) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(w.lookup("field.email"), p.email(), "mailto:" + p.email()));
        if (p.headline() != null) {
            lines.add(Line.of(w.lookup("field.headline"), p.headline()));
        }
        if (p.bio() != null) {
            lines.add(Line.of(w.lookup("field.bio"), p.bio()));
        }
        lines.add(Line.of(w.lookup("field.skills"), w.list(translated(Vocabulary.skills(), p.skills(), p.locale(), w))));
        if (!p.causes().isEmpty()) {
            lines.add(Line.of(w.lookup("field.causes"), w.list(translated(Vocabulary.causes(), p.causes(), p.locale(), w))));
        }
        if (p.dailyRate() != null) {
            lines.add(Line.of(w.lookup("field.dailyRate"), w.perDay(p.dailyRate())));
        }
        String availability = availability(p.availability(), w);
        if (availability != null) {
            lines.add(Line.of(w.lookup("field.availability"), availability));
        }
        if (!p.languages().isEmpty()) {
            lines.add(Line.of(w.lookup("field.languages"), w.list(p.languages().stream().map(w::language).toList())));
        }
        if (p.portfolioUrl() != null) {
            lines.add(new Line(w.lookup("field.portfolio"), p.portfolioUrl(), p.portfolioUrl()));
        }
        return new FreelancerView(p.displayName(), p.firstName(), p.email(), lines);
    }

    static String availability(Availability a, Words w) {
        if (a == null || (a.daysPerMonth() == null && a.from() == null)) {
            return null;
        }
        if (a.from() == null) {
            return w.count("daysPerMonth", a.daysPerMonth());
        }
        if (a.daysPerMonth() == null) {
            return w.text("availability.from", w.date(a.from()));
        }
        return w.text("availability.both", w.count("daysPerMonth", a.daysPerMonth()), w.date(a.from()));
    }
}
