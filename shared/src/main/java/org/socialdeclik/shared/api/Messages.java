package org.socialdeclik.shared.api;

import java.util.Map;

/** User-facing texts of the API, French first, English as a choice. */
public final class Messages {
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("problem.validation.title", new String[] {"Requête invalide", "Invalid request"}),
            Map.entry("problem.validation.detail", new String[] {"Certains champs sont invalides.", "Some fields are invalid."}),
            Map.entry("problem.malformed.detail", new String[] {"Le corps de la requête n'est pas un JSON valide.", "The request body is not valid JSON."}),
            Map.entry("problem.notfound.title", new String[] {"Introuvable", "Not found"}),
            Map.entry("problem.notfound.detail", new String[] {"Cette ressource n'existe pas.", "This resource does not exist."}),
            Map.entry("problem.conflict.title", new String[] {"Conflit", "Conflict"}),
            Map.entry("problem.conflict.vocabularyTaken", new String[] {"« %s » désigne déjà le terme %s : il ne peut pas mener à deux termes.",
                    "\"%s\" already leads to the term %s: it cannot lead to two terms."}),
            Map.entry("problem.conflict.termIdTaken", new String[] {"Le terme %s existe déjà.", "The term %s already exists."}),
            Map.entry("field.vocabulary.noTerm", new String[] {"Aucun terme n'a cet identifiant.", "No term has this id."}),
            Map.entry("field.vocabulary.id", new String[] {"Identifiant en minuscules, mots reliés par des tirets (ex. ux-design).",
                    "Lower-case words joined by hyphens (e.g. ux-design)."}),
            Map.entry("field.vocabulary.oneOf", new String[] {"Donnez soit text et mapTo, soit term.", "Give either text and mapTo, or term."}),
            Map.entry("problem.conflict.reviewed", new String[] {"Cette mission a déjà été examinée.", "This mission has already been reviewed."}),
            Map.entry("problem.conflict.closed", new String[] {"Cette mission est déjà close ou refusée.", "This mission is already closed or rejected."}),
            Map.entry("problem.conflict.concurrent", new String[] {"Le profil a changé entre-temps, rechargez-le.", "The profile changed meanwhile, reload it."}),
            Map.entry("problem.conflict.missionClosed", new String[] {"Cette mission n'est plus ouverte.", "This mission is no longer open."}),
            Map.entry("problem.conflict.verified", new String[] {"Ce lien de confirmation a déjà servi.", "This confirmation link has already been used."}),
            Map.entry("problem.unauthorized.title", new String[] {"Lien invalide ou expiré", "Invalid or expired link"}),
            Map.entry("problem.unauthorized.detail", new String[] {"Ce lien n'est pas valide ou a expiré.", "This link is invalid or has expired."}),
            Map.entry("problem.forbidden.title", new String[] {"Accès refusé", "Forbidden"}),
            Map.entry("problem.forbidden.detail", new String[] {"Ce lien ne permet pas cette action.", "This link does not allow this action."}),
            Map.entry("problem.mediatype.title", new String[] {"Type de contenu non pris en charge", "Unsupported media type"}),
            Map.entry("problem.mediatype.detail", new String[] {"Envoyez du JSON (application/json).", "Send JSON (application/json)."}),
            Map.entry("problem.toolarge.title", new String[] {"Requête trop volumineuse", "Payload too large"}),
            Map.entry("problem.toolarge.detail", new String[] {"Le corps dépasse 64 Kio.", "The body exceeds 64 KiB."}),
            Map.entry("problem.internal.title", new String[] {"Erreur interne", "Internal error"}),
            Map.entry("problem.internal.detail", new String[] {"Une erreur est survenue, réessayez plus tard.", "Something went wrong, please retry later."}),
            Map.entry("field.required", new String[] {"Ce champ est obligatoire.", "This field is required."}),
            Map.entry("field.unknown", new String[] {"Champ inconnu.", "Unknown field."}),
            Map.entry("field.string", new String[] {"Doit être un texte.", "Must be a string."}),
            Map.entry("field.boolean", new String[] {"Doit être vrai ou faux.", "Must be true or false."}),
            Map.entry("field.integer", new String[] {"Doit être un nombre entier.", "Must be a whole number."}),
            Map.entry("field.object", new String[] {"Doit être un objet.", "Must be an object."}),
            Map.entry("field.array", new String[] {"Doit être une liste.", "Must be a list."}),
            Map.entry("field.blank", new String[] {"Ne doit pas être vide.", "Must not be blank."}),
            Map.entry("field.tooLong", new String[] {"Au plus %d caractères.", "At most %d characters."}),
            Map.entry("field.tooMany", new String[] {"Au plus %d éléments.", "At most %d items."}),
            Map.entry("field.tooFew", new String[] {"Au moins %d élément(s).", "At least %d item(s)."}),
            Map.entry("field.duplicate", new String[] {"Élément en double.", "Duplicate item."}),
            Map.entry("field.range", new String[] {"Doit être entre %d et %d.", "Must be between %d and %d."}),
            Map.entry("field.enum", new String[] {"Valeur attendue : %s.", "Expected one of: %s."}),
            Map.entry("field.email", new String[] {"Adresse email invalide.", "Invalid email address."}),
            Map.entry("field.url", new String[] {"Adresse web invalide (https://...).", "Invalid web address (https://...)."}),
            Map.entry("field.httpsUrl", new String[] {"L'adresse doit commencer par https://.", "The address must start with https://."}),
            Map.entry("field.date", new String[] {"Date invalide (AAAA-MM-JJ).", "Invalid date (YYYY-MM-DD)."}),
            Map.entry("field.control", new String[] {"Caractères de contrôle interdits.", "Control characters are not allowed."}),
            Map.entry("field.department", new String[] {"Département inconnu (ex. 35, 2A, 974).", "Unknown département (e.g. 35, 2A, 974)."}),
            Map.entry("field.postalCode", new String[] {"Code postal français invalide.", "Invalid French postal code."}),
            Map.entry("field.location.one", new String[] {"Donnez soit un département, soit un code postal.", "Give either a département or a postal code."}),
            Map.entry("field.location.required", new String[] {"Obligatoire sauf pour une mission à distance.", "Required unless the mission is remote."}),
            Map.entry("field.budget.zero", new String[] {"Un budget nul n'est possible que pour une mission pro bono.", "A zero budget is only allowed for a pro bono mission."}),
            Map.entry("field.deadline.afterStart", new String[] {"La date limite doit précéder le début.", "The deadline must not be after the start date."}),
            Map.entry("field.date.past", new String[] {"La date ne peut pas être passée.", "The date cannot be in the past."}),
            Map.entry("field.until.pauseOnly", new String[] {"Une date de fin ne va qu'avec une pause (PAUSE).", "An end date goes only with a pause (PAUSE)."}),
            Map.entry("field.until.range", new String[] {"La pause finit entre demain et dans un an au plus tard.",
                    "A pause ends between tomorrow and one year from today."}),
            Map.entry("field.consent", new String[] {"Le consentement est nécessaire.", "Consent is required."}),
            Map.entry("field.minimumRate.aboveDaily", new String[] {"Le tarif minimum ne peut dépasser le TJM habituel.", "The minimum rate cannot exceed the usual daily rate."}),
            Map.entry("field.word", new String[] {"Doit contenir au moins une lettre ou un chiffre.", "Must hold at least one letter or digit."}),
            Map.entry("field.language", new String[] {"Code de langue attendu (ex. fr, en).", "Expected a language code (e.g. fr, en)."}));

    private static final Messages FR = new Messages(0);
    private static final Messages EN = new Messages(1);

    private final int index;

    private Messages(int index) {
        this.index = index;
    }

    public static Messages forLocale(String locale) {
        return "en".equals(locale) ? EN : FR;
    }

    public String locale() {
        return index == 1 ? "en" : "fr";
    }

    public String get(String key, Object... args) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return args.length == 0 ? texts[index] : String.format(texts[index], args);
    }
}
