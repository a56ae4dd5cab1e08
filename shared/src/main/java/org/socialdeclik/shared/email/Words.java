package org.socialdeclik.shared.email;

import gg.jte.support.LocalizationSupport;
import java.time.LocalDate;
import java.util.List;
import org.socialdeclik.shared.domain.OrganizationType;
import org.socialdeclik.shared.domain.WorkMode;

/**
 * The one mechanism for the emails' two languages: every sentence of every email is looked up
 * here by key ({@link EmailTexts}), in the reader's language, and so are dates, amounts, plurals
 * and the words for the platform's codes. In a template, {@code w.localize(key, values...)}
 * writes the sentence and escapes each value inserted into it ({0}, {1} ...); the sentences
 * themselves are the platform's own text. Nothing here reads a file or a locale database at run
 * time: the words are constants, so the first email a container sends costs no more than the next.
 */
public final class Words implements LocalizationSupport {
    private static final String[] MONTHS_FR = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    /** French groups thousands with a narrow no-break space and keeps "€" after the amount. */
    private static final char NARROW_NBSP = '\u202f';
    private static final char NBSP = '\u00a0';

    public static final Words FR = new Words(false);
    public static final Words EN = new Words(true);

    private final boolean en;

    private Words(boolean en) {
        this.en = en;
    }

    /** The reader's words: English for "en", French for anything else (French first). */
    public static Words of(String locale) {
        return "en".equals(locale) ? EN : FR;
    }

    /** The {@code lang} of the HTML and the locale of the text. */
    public String lang() {
        return en ? "en" : "fr";
    }

    @Override
    public String lookup(String key) {
        return EmailTexts.text(key, en);
    }

    /** A sentence with its values put in, as plain text (subjects and the text part). */
    public String text(String key, Object... values) {
        String pattern = lookup(key);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && isIndex(pattern, i + 1, close)) {
                int index = Integer.parseInt(pattern, i + 1, close, 10);
                out.append(index < values.length ? String.valueOf(values[index]) : "");
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isIndex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "1er mars 2027", "4 janvier 2027" / "1 March 2027". */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        int day = date.getDayOfMonth();
        int month = date.getMonthValue() - 1;
        if (en) {
            return day + " " + MONTHS_EN[month] + " " + date.getYear();
        }
        return (day == 1 ? "1er" : Integer.toString(day)) + NBSP + MONTHS_FR[month] + " " + date.getYear();
    }

    /** Whole euros: "3 000 €" / "€3,000". */
    public String money(int euros) {
        String digits = Integer.toString(Math.abs(euros));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(en ? ',' : NARROW_NBSP);
            }
            grouped.append(digits.charAt(i));
        }
        String sign = euros < 0 ? "-" : "";
        return en ? sign + "€" + grouped : sign + grouped + NBSP + "€";
    }

    /** "450 € par jour" / "€450 a day". */
    public String perDay(int euros) {
        return text("money.perDay", money(euros));
    }

    /**
     * A count with its noun, singular or plural as the language wants it: French takes the
     * singular for 0 and 1 ("0 mission", "1 jour"), English only for 1 ("0 missions").
     */
    public String count(String noun, long n) {
        boolean one = en ? n == 1 : n == 0 || n == 1;
        return text(noun + (one ? ".one" : ".other"), n);
    }

    /** "A, B et C" / "A, B and C". */
    public String list(List<String> items) {
        if (items == null || items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String last = items.get(items.size() - 1);
        return String.join(", ", items.subList(0, items.size() - 1)) + (en ? " and " : " et ") + last;
    }

    public String workMode(WorkMode mode) {
        return lookup("workMode." + mode.name());
    }

    public String organizationType(OrganizationType type) {
        return lookup("orgType." + type.name());
    }

    /** A language code as a word ("fr" -> "français" / "French"); an unknown code stays as it is. */
    public String language(String code) {
        String key = "language." + code;
        return EmailTexts.has(key) ? lookup(key) : code;
    }
}
