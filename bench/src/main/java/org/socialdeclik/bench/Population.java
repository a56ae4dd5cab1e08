package org.socialdeclik.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.socialdeclik.shared.Json;
import org.socialdeclik.shared.api.Messages;
import org.socialdeclik.shared.api.Requests;
import org.socialdeclik.shared.domain.Mission;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.match.MissionCard;
import org.socialdeclik.shared.domain.match.ProfileCard;
import org.socialdeclik.shared.domain.vocab.Department;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.domain.vocab.Vocabulary;

/**
 * Synthetic freelancers and a fixed set of probe missions, all built from request bodies through
 * {@link Requests} (the validation the API applies), with the words people type: vocabulary labels
 * and synonyms in French and English, and now and then a skill the vocabulary does not know.
 *
 * <p>Two populations. The <em>related</em> one: every profile shares at least one skill with at
 * least one probe mission (one or two probe skills drawn evenly, so that every probe has
 * candidates, plus other skills); it depends only on the seed and its size, so it is the same at
 * every crowd size. The <em>unrelated</em> one: no profile shares a skill with any probe mission
 * (checked on the understood skill ids, not on the words); it grows with the crowd. Skills follow
 * a skewed (Zipf-like) popularity, places follow roughly where people live, overseas and Corsica
 * included.
 */
public final class Population {
    /** The bench's "now": every date is relative to it, so runs compare. */
    public static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final Messages FR = Messages.forLocale("fr");

    /** Most wanted first; the rest of the vocabulary follows in file order. */
    private static final List<String> POPULAR = List.of(
            "web-development", "wordpress", "social-media", "graphic-design", "digital-communication",
            "content-writing", "seo", "project-management", "ux-design", "javascript", "video-editing",
            "photography", "python", "brand-identity", "react", "php", "data-analysis", "ui-design",
            "e-commerce", "digital-marketing", "emailing", "no-code", "illustration", "mobile-development");

    /** Words the vocabulary does not know (kept as typed, matching only themselves). */
    private static final List<String> UNKNOWN_SKILLS = List.of("Scratch", "LaTeX", "Arduino", "Framasoft", "Raspberry Pi", "Godot");

    private static final List<String> FIRST_NAMES = List.of("Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Jade",
            "Louise", "Zoé", "Lina", "Hugo", "Lucas", "Nathan", "Théo", "Louis", "Gabriel", "Arthur", "Jules", "Mathis",
            "Noah", "Yasmine", "Aïcha", "Mehdi", "Karim", "Sofia", "Émilie", "Julien", "Céline", "Thomas", "Anaïs");
    private static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
            "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand",
            "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Nguyen",
            "Benali", "Rakotomalala");

    /** Rough weights by where people live (others weigh 1; Corsica and overseas included). */
    private static final Map<String, Double> DEPARTMENT_WEIGHTS = Map.ofEntries(
            Map.entry("75", 9.0), Map.entry("92", 5.0), Map.entry("93", 4.0), Map.entry("94", 4.0), Map.entry("69", 6.0),
            Map.entry("13", 6.0), Map.entry("59", 6.0), Map.entry("33", 5.0), Map.entry("31", 5.0), Map.entry("44", 4.5),
            Map.entry("35", 4.0), Map.entry("34", 4.0), Map.entry("67", 3.5), Map.entry("06", 3.5), Map.entry("38", 3.5),
            Map.entry("76", 3.0), Map.entry("2A", 0.6), Map.entry("2B", 0.6), Map.entry("971", 1.0), Map.entry("972", 1.0),
            Map.entry("973", 0.8), Map.entry("974", 1.5), Map.entry("976", 0.8));

    /** One skill of the vocabulary, with every way of writing it. */
    record Skill(String id, List<String> words) {}

    private final List<Skill> skills;
    private final double[] skillWeights;
    private final List<List<String>> causeWords;
    private final List<Department> departments;
    private final double[] departmentWeights;
    private final List<Mission> probes;
    private final SortedSet<String> probeSkillIds;
    /** The probe skills and every skill narrower than one (a probe asking Python reaches Django): who has one is related. */
    private final Set<String> reachedSkillIds;

    public Population() {
        skills = readSkills();
        skillWeights = new double[skills.size()];
        for (int i = 0; i < skills.size(); i++) {
            skillWeights[i] = 1.0 / Math.pow(i + 1, 1.1);
        }
        causeWords = readWords("/vocab/causes.json").stream().map(Skill::words).toList();
        departments = Places.france().departments();
        departmentWeights = departments.stream().mapToDouble(d -> DEPARTMENT_WEIGHTS.getOrDefault(d.code(), 1.0)).toArray();
        probes = buildProbes();
        SortedSet<String> ids = new TreeSet<>();
        for (Mission probe : probes) {
            ids.addAll(MissionCard.of(probe).skillIds());
        }
        probeSkillIds = Collections.unmodifiableSortedSet(ids); // sorted: the draws must not depend on hash order
        Set<String> reached = new TreeSet<>(ids);
        ids.forEach(id -> reached.addAll(Vocabulary.skills().narrower(id)));
        reachedSkillIds = Collections.unmodifiableSet(reached);
    }

    public List<Mission> probes() {
        return probes;
    }

    public Set<String> probeSkillIds() {
        return probeSkillIds;
    }

    /** The probe skills and the skills narrower than them: a profile with none of these is unrelated. */
    public Set<String> reachedSkillIds() {
        return reachedSkillIds;
    }

    // ---- probe missions -------------------------------------------------------------------------

    private static List<Mission> buildProbes() {
        List<Mission> out = new ArrayList<>();
        out.add(mission("probe-1-wordpress", "Refonte du site WordPress d'une ressourcerie",
                List.of("WordPress", "référencement naturel"), List.of("économie circulaire"),
                null, "REMOTE", 4500, 9, false, 35, 20));
        out.add(mission("probe-2-accessibilite", "Audit d'accessibilité et parcours UX d'un portail d'entraide",
                List.of("UX design", "accessibilité"), List.of("handicap"),
                "20090", "HYBRID", 5200, 13, false, 40, 21));
        out.add(mission("probe-3-dataviz", "Tableau de bord des dons d'une banque alimentaire",
                List.of("data visualisation", "Python"), List.of("alimentation durable"),
                "69007", "ONSITE", 6000, 12, false, 45, 25));
        out.add(mission("probe-4-reseaux", "Animation des réseaux sociaux d'un festival solidaire",
                List.of("community management"), List.of("culture"),
                null, "REMOTE", 0, 10, true, 30, 15));
        out.add(mission("probe-5-flutter", "Application mobile pour une AMAP de La Réunion",
                List.of("Flutter"), List.of("alimentation durable", "développement local"),
                "97400", "ONSITE", 8000, 20, false, 60, 30));
        return List.copyOf(out);
    }

    private static Mission mission(String id, String title, List<String> skills, List<String> causes, String postalCode,
                                   String workMode, int budget, int days, boolean proBono, int startInDays, int deadlineInDays) {
        ObjectNode m = Json.object();
        m.put("title", title);
        m.put("description", title + ". Mission de bénévolat de compétences ou rémunérée, proposée par une structure de l'ESS. "
                .repeat(3).strip());
        ObjectNode org = m.putObject("organization");
        org.put("name", "Association " + id);
        org.put("type", "ASSOCIATION");
        org.put("email", "contact@" + id + ".example");
        org.put("website", "https://" + id + ".example");
        ArrayNode s = m.putArray("skills");
        skills.forEach(s::add);
        ArrayNode c = m.putArray("causes");
        causes.forEach(c::add);
        if (postalCode != null) {
            m.putObject("location").put("postalCode", postalCode);
        }
        m.put("workMode", workMode);
        m.put("budget", budget);
        m.put("estimatedDays", days);
        m.put("proBono", proBono);
        m.put("startDate", TODAY.plusDays(startInDays).toString());
        m.put("applicationDeadline", TODAY.plusDays(deadlineInDays).toString());
        m.put("locale", "fr");
        return Requests.mission(id, m, FR, CLOCK);
    }

    // ---- freelancers ----------------------------------------------------------------------------

    /** A generated freelancer and when they signed up and confirmed their address. */
    public record Person(Profile profile, Instant registeredAt, Instant activatedAt) {
        public ProfileCard card() {
            return ProfileCard.of(profile);
        }
    }

    /** The related population: the same list for the same seed and size, whatever the crowd. */
    public List<Person> related(long seed, int count) {
        Random random = new Random(seed);
        List<Person> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(person(random, true));
        }
        return out;
    }

    /** A generator of unrelated profiles: the first k are the same whatever the total. */
    public Unrelated unrelated(long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        return () -> person(random, false);
    }

    /** An endless source of profiles that share no skill with any probe mission. */
    @FunctionalInterface
    public interface Unrelated {
        Person next();
    }

    private Person person(Random random, boolean related) {
        for (int attempt = 0; ; attempt++) {
            Person person = tryPerson(random, related);
            Set<String> ids = new LinkedHashSet<>(person.card().skillIds());
            boolean shares = ids.stream().anyMatch(reachedSkillIds::contains);
            if (shares == related) {
                return person;
            }
            if (attempt > 100) {
                throw new IllegalStateException("cannot draw a " + (related ? "related" : "unrelated") + " profile");
            }
        }
    }

    private Person tryPerson(Random random, boolean related) {
        String id = newId(random);
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        int skillCount = weighted(random, new double[] {15, 25, 25, 18, 10, 7}) + 1;
        List<String> typed = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        if (related) {
            int probeSkills = random.nextDouble() < 0.8 ? 1 : 2;
            while (chosen.size() < probeSkills) {
                chosen.add(drawSkill(random, true));
            }
        }
        while (chosen.size() < skillCount) {
            chosen.add(drawSkill(random, false));
        }
        for (String skillId : chosen) {
            typed.add(wordFor(random, skillId));
        }
        if (random.nextDouble() < 0.04) {
            typed.add(pick(random, UNKNOWN_SKILLS));
        }
        ObjectNode p = Json.object();
        p.put("email", ascii(first) + "." + ascii(last) + "." + id.substring(0, 10).toLowerCase(Locale.ROOT) + "@example.org");
        p.put("firstName", first);
        p.put("lastName", last);
        p.put("headline", typed.get(0) + " — freelance depuis " + (2010 + random.nextInt(16)));
        p.put("bio", "J'accompagne les associations et les structures de l'ESS. ".repeat(1 + random.nextInt(5)).strip());
        ArrayNode skillArray = p.putArray("skills");
        typed.forEach(skillArray::add);
        ArrayNode causes = p.putArray("causes");
        int causeCount = weighted(random, new double[] {25, 35, 25, 15});
        Set<Integer> causeIndexes = new LinkedHashSet<>();
        while (causeIndexes.size() < causeCount) {
            causeIndexes.add(random.nextInt(causeWords.size()));
        }
        causeIndexes.forEach(i -> causes.add(pick(random, causeWords.get(i))));
        placeInto(p.putObject("location"), random, random.nextBoolean());
        p.put("mobility", switch (weighted(random, new double[] {35, 40, 25})) {
            case 0 -> "DEPARTMENT";
            case 1 -> "REGION";
            default -> "COUNTRY";
        });
        p.put("remote", random.nextDouble() < 0.7);
        Integer dailyRate = random.nextDouble() < 0.6 ? 250 + 10 * random.nextInt(56) : null;
        if (dailyRate != null) {
            p.put("dailyRate", dailyRate);
        }
        if (random.nextDouble() < 0.55) {
            int ceiling = dailyRate != null ? dailyRate : 700;
            p.put("minimumRate", Math.max(150, (int) Math.round(ceiling * (0.55 + 0.45 * random.nextDouble()) / 10) * 10));
        }
        p.put("proBono", random.nextDouble() < 0.3);
        if (random.nextDouble() < 0.55) {
            ObjectNode availability = p.putObject("availability");
            availability.put("daysPerMonth", 2 + random.nextInt(14));
            if (random.nextDouble() < 0.6) {
                availability.put("from", TODAY.plusDays(-90 + random.nextInt(241)).toString());
            }
        }
        ArrayNode languages = p.putArray("languages").add("fr");
        if (random.nextDouble() < 0.5) {
            languages.add("en");
        }
        p.put("locale", random.nextDouble() < 0.85 ? "fr" : "en");
        p.put("consent", true);
        Profile profile = Requests.profile(id, null, p, FR, CLOCK);
        Instant registeredAt = NOW.minus(Duration.ofMinutes(60L * 24 + random.nextInt(400 * 24 * 60)));
        Instant activatedAt = registeredAt.plus(Duration.ofMinutes(1 + random.nextInt(180)));
        return new Person(profile, registeredAt, activatedAt);
    }

    /** A département code or a postal code of it (Corsica as 20xxx, overseas as 97xxx). */
    private void placeInto(ObjectNode location, Random random, boolean postalCode) {
        Department department = departments.get(weighted(random, departmentWeights));
        String code = department.code();
        if (!postalCode) {
            location.put("department", code);
            return;
        }
        String postal = switch (code) {
            case "2A" -> "20" + random.nextInt(2) + String.format("%02d", random.nextInt(100));
            case "2B" -> "20" + (2 + random.nextInt(5)) + String.format("%02d", random.nextInt(100));
            default -> code.length() == 3 ? code + String.format("%02d", random.nextInt(100))
                    : code + String.format("%03d", random.nextInt(1000));
        };
        location.put("postalCode", postal);
    }

    private String drawSkill(Random random, boolean probe) {
        if (probe) {
            // every probe gets its share of candidates: the related crowd is the test's fixture
            return List.copyOf(probeSkillIds).get(random.nextInt(probeSkillIds.size()));
        }
        double total = 0;
        for (int i = 0; i < skills.size(); i++) {
            if (!reachedSkillIds.contains(skills.get(i).id())) {
                total += skillWeights[i];
            }
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < skills.size(); i++) {
            if (!reachedSkillIds.contains(skills.get(i).id())) {
                x -= skillWeights[i];
                if (x < 0) {
                    return skills.get(i).id();
                }
            }
        }
        throw new IllegalStateException("no skill to draw");
    }

    /** One way of writing the skill, the labels most often, checked to be understood as that skill. */
    private String wordFor(Random random, String skillId) {
        Skill skill = skills.stream().filter(s -> s.id().equals(skillId)).findFirst().orElseThrow();
        List<String> words = skill.words();
        String word = random.nextDouble() < 0.6 ? words.get(random.nextInt(Math.min(2, words.size())))
                : words.get(random.nextInt(words.size()));
        return word.length() <= 60 && Vocabulary.skills().understand(word).id().equals(skillId) ? word : words.get(0);
    }

    /** Every skill of the vocabulary file, the popular ones first. */
    private static List<Skill> readSkills() {
        List<Skill> all = readWords(Vocabulary.SKILLS_RESOURCE);
        List<Skill> ordered = new ArrayList<>();
        for (String id : POPULAR) {
            all.stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(ordered::add);
        }
        all.stream().filter(s -> !POPULAR.contains(s.id())).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static List<Skill> readWords(String resource) {
        try (InputStream in = Population.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + resource);
            }
            List<Skill> out = new ArrayList<>();
            for (JsonNode entry : Json.parse(in)) {
                List<String> words = new ArrayList<>();
                words.add(entry.get("fr").asText());
                words.add(entry.get("en").asText());
                entry.path("synonyms").forEach(w -> words.add(w.asText()));
                out.add(new Skill(entry.get("id").asText(), List.copyOf(words)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids shaped like production's (22 URL-safe characters), drawn from the seeded generator. */
    private static String newId(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static int weighted(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
