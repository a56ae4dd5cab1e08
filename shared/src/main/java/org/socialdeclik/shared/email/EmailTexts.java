package org.socialdeclik.shared.email;

import java.util.HashMap;
import java.util.Map;

/**
 * Every sentence of the emails, French then English, by key. {0}, {1} ... are values put in by
 * {@link Words}; a sentence is the platform's own text, never a user's.
 */
final class EmailTexts {
    private static final Map<String, String[]> TEXTS = new HashMap<>(256);

    private EmailTexts() {}

    private static void put(String key, String fr, String en) {
        TEXTS.put(key, new String[] {fr, en});
    }

    static boolean has(String key) {
        return TEXTS.containsKey(key);
    }

    static String text(String key, boolean en) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no email text " + key);
        }
        return texts[en ? 1 : 0];
    }

    static {
        // ---- shared by every email
        put("brand", "Social Declik", "Social Declik");
        put("hello", "Bonjour {0},", "Hello {0},");
        put("link.copy", "Si le bouton ne marche pas, copiez ce lien dans votre navigateur :",
                "If the button does not work, copy this link into your browser:");
        put("link.write", "Si le bouton ne marche pas, écrivez à cette adresse :", "If the button does not work, write to this address:");
        put("footer.freelancer", "Vous recevez cet email parce que vous avez un profil sur Social Declik.",
                "You receive this email because you have a profile on Social Declik.");
        put("footer.organization", "Vous recevez cet email parce que votre structure a proposé une mission sur Social Declik.",
                "You receive this email because your organisation submitted a mission on Social Declik.");
        put("footer.admin", "Vous recevez cet email parce que vous relisez les missions de Social Declik.",
                "You receive this email because you review Social Declik's missions.");
        put("footer.signature", "Social Declik relie les freelances du numérique et les structures de l'économie sociale et solidaire.",
                "Social Declik connects digital freelancers with organisations of the social and solidarity economy.");
        put("unsubscribe", "Ne plus recevoir de missions", "Stop receiving missions");
        put("unsubscribe.text", "Ne plus recevoir de missions : {0}", "Stop receiving missions: {0}");
        put("labelSep", "\u00a0: ", ": ");
        put("action.text", "{0} :", "{0}:");

        // ---- plurals (".one" and ".other"; French takes the singular for 0 and 1)
        put("missions.one", "{0} mission", "{0} mission");
        put("missions.other", "{0} missions", "{0} missions");
        put("days.one", "{0} jour", "{0} day");
        put("days.other", "{0} jours", "{0} days");
        put("freelancers.one", "{0} freelance", "{0} freelancer");
        put("freelancers.other", "{0} freelances", "{0} freelancers");
        put("daysPerMonth.one", "{0} jour par mois", "{0} day a month");
        put("daysPerMonth.other", "{0} jours par mois", "{0} days a month");

        // ---- words for the platform's codes
        put("money.perDay", "{0} par jour", "{0} a day");
        put("workMode.REMOTE", "à distance", "remote");
        put("workMode.ONSITE", "sur place", "on site");
        put("workMode.HYBRID", "hybride (sur place et à distance)", "hybrid (on site and remote)");
        put("orgType.ASSOCIATION", "association", "non-profit association");
        put("orgType.COOPERATIVE", "coopérative", "cooperative");
        put("orgType.SCOP", "société coopérative et participative (SCOP)", "worker cooperative (SCOP)");
        put("orgType.SCIC", "société coopérative d'intérêt collectif (SCIC)", "community interest cooperative (SCIC)");
        put("orgType.ESUS", "entreprise solidaire d'utilité sociale (ESUS)", "certified social enterprise (ESUS)");
        put("orgType.FONDATION", "fondation", "foundation");
        put("orgType.MUTUELLE", "mutuelle", "mutual society");
        put("orgType.OTHER", "structure de l'économie sociale et solidaire", "social and solidarity economy organisation");
        put("language.fr", "français", "French");
        put("language.en", "anglais", "English");
        put("language.es", "espagnol", "Spanish");
        put("language.de", "allemand", "German");
        put("language.it", "italien", "Italian");
        put("language.pt", "portugais", "Portuguese");
        put("language.ar", "arabe", "Arabic");
        put("language.br", "breton", "Breton");
        put("language.oc", "occitan", "Occitan");
        put("language.nl", "néerlandais", "Dutch");

        // ---- the mission, as every email shows it
        put("mission.by", "Proposée par {0}, {1}", "Submitted by {0}, {1}");
        put("mission.skills", "Compétences", "Skills");
        put("mission.causes", "Causes", "Causes");
        put("mission.where", "Où", "Where");
        put("mission.where.place", "{0}, {1}", "{0}, {1}");
        put("mission.when", "Quand", "When");
        put("mission.start", "début le {0}", "starts {0}");
        put("mission.startAndDeadline", "début le {0}, candidatures jusqu'au {1}", "starts {0}, apply by {1}");
        put("mission.pay", "Rémunération", "Pay");
        put("mission.pay.budget", "{0} pour {1}, soit {2}", "{0} for {1}, that is {2}");
        put("mission.pay.proBono", "mission pro bono (bénévole), sur {0}", "pro bono (unpaid), over {0}");
        put("mission.contact", "Contact", "Contact");
        put("mission.language", "Rédigée en", "Written in");
        put("mission.website", "Site web", "Website");
        put("mission.more", "(suite sur la page de la mission)", "(more on the mission's page)");

        // ---- verification
        put("verify.subject", "Confirmez votre adresse email", "Confirm your email address");
        put("verify.intro", "Confirmez votre adresse pour activer votre profil Social Declik. D'ici là, nous ne vous enverrons rien d'autre.",
                "Please confirm your address to activate your Social Declik profile. Until then we will send you nothing else.");
        put("verify.action", "Confirmer mon adresse", "Confirm my address");
        put("verify.outro", "Si vous n'avez pas créé ce profil, ignorez cet email : l'adresse sera oubliée dans 7 jours.",
                "If you did not create this profile, ignore this email: the address will be forgotten in 7 days.");

        // ---- sign-in
        put("signIn.subject", "Votre lien pour gérer votre profil", "Your link to manage your profile");
        put("signIn.intro", "Quelqu'un, sans doute vous, a demandé à gérer votre profil Social Declik. Ce lien permet de le consulter, le modifier, l'exporter ou le supprimer.",
                "Someone, probably you, asked to manage your Social Declik profile. This link lets you view, edit, export or delete it.");
        put("signIn.action", "Gérer mon profil", "Manage my profile");
        put("signIn.outro", "Si vous n'avez rien demandé, ignorez cet email : rien ne change.",
                "If you did not ask for it, ignore this email: nothing changes.");

        // ---- the admins' sign-in link
        put("adminLink.subject", "Votre lien vers le bureau des admins", "Your link to the admins' desk");
        put("adminLink.hello", "Bonjour,", "Hello,");
        put("adminLink.intro", "Voici votre lien vers le bureau des admins de Social Declik : missions à relire, statistiques et vocabulaire. Il vaut deux heures.",
                "Here is your link to the Social Declik admins' desk: missions to review, figures and vocabulary. It is valid for two hours.");
        put("adminLink.action", "Ouvrir le bureau des admins", "Open the admins' desk");
        put("adminLink.outro", "Si vous n'avez rien demandé, ignorez cet email : rien ne change.",
                "If you did not ask for it, ignore this email: nothing changes.");

        // ---- the organisation's confirmation
        put("confirm.subject", "Nous avons bien reçu votre mission «\u00a0{0}\u00a0»", "We received your mission \"{0}\"");
        put("confirm.title", "Merci, votre mission est enregistrée", "Thank you, your mission is registered");
        put("confirm.pending", "Notre équipe va la relire, puis la proposer aux freelances qui lui correspondent. Nous vous écrirons une fois la recherche faite, pour vous dire à combien de personnes elle a été proposée.",
                "Our team will read it, then propose it to the freelancers who fit it. We will write to you once the search is done, to tell you how many people it was proposed to.");
        put("confirm.published", "Elle est publiée. Nous cherchons les freelances qui lui correspondent et vous écrirons dès que c'est fait, pour vous dire à combien de personnes elle a été proposée.",
                "It is published. We are looking for the freelancers who fit it and will write to you as soon as that is done, to tell you how many people it was proposed to.");
        put("confirm.action", "Gérer ma mission", "Manage my mission");
        put("confirm.outro", "Gardez cet email : son lien permet de clore la mission une fois pourvue.",
                "Keep this email: its link lets you close the mission once it is filled.");

        // ---- the admins' review
        put("review.subject", "Mission à relire : «\u00a0{0}\u00a0»", "Mission to review: \"{0}\"");
        put("review.intro", "Une nouvelle mission attend votre relecture.", "A new mission is waiting for your review.");
        put("review.action", "Approuver ou refuser", "Approve or reject");

        // ---- a proposal, and the digest
        put("proposal.subject", "Une mission pour vous : «\u00a0{0}\u00a0»", "A mission for you: \"{0}\"");
        put("proposal.intro", "Cette mission correspond à votre profil.", "This mission fits your profile.");
        put("proposal.why", "Pourquoi elle vous correspond", "Why it fits you");
        put("proposal.action", "Je suis intéressé·e", "I'm interested");
        put("proposal.shares", "En cliquant, {0} reçoit votre nom, votre email et votre profil (jamais votre tarif minimum).",
                "Clicking sends {0} your name, email and profile (never your minimum rate).");
        put("digest.subject", "{0} pour vous sur Social Declik", "{0} for you on Social Declik");
        put("digest.intro", "Ces missions ouvertes correspondent à votre profil.", "These open missions fit your profile.");

        // ---- the reasons, worded for the freelancer
        put("reason.skills", "Compétences en commun", "Skills in common");
        put("reason.related", "Compétences proches de celles demandées", "Skills close to those asked");
        put("reason.causes", "Causes que vous partagez", "Causes you share");
        put("reason.place", "Lieu", "Where");
        put("reason.pay", "Rémunération", "Pay");
        put("reason.place.remote", "à distance, comme vous l'acceptez", "remote, which you accept");
        put("reason.place.department", "{0}, votre département", "{0}, your département");
        put("reason.place.region", "{0}, dans votre région", "{0}, in your région");
        put("reason.place.country", "{0} : vous vous déplacez partout en France", "{0}: you travel anywhere in France");
        put("reason.pay.proBono", "mission pro bono, que vous acceptez", "pro bono, which you accept");
        put("reason.pay.minimum", "{0}, pour un minimum de {1}", "{0}, for your minimum of {1}");
        put("reason.pay.plain", "{0}", "{0}");

        // ---- the reasons, worded for the organisation
        put("orgReason.skills", "Compétences qu'il ou elle a parmi celles demandées", "Skills they have among those asked");
        put("orgReason.causes", "Causes partagées avec la mission", "Causes shared with the mission");
        put("orgReason.place.remote", "à distance, comme la mission", "remote, as the mission is");
        put("orgReason.place.department", "dans votre département, {0}", "in your département, {0}");
        put("orgReason.place.region", "dans votre région, non loin de {0}", "in your région, not far from {0}");
        put("orgReason.place.country", "se déplace partout en France, donc jusqu'à {0}", "travels anywhere in France, so to {0}");
        put("orgReason.pay.proBono", "accepte les missions pro bono", "accepts pro bono missions");
        put("orgReason.pay.fits", "votre budget de {0} lui convient", "your budget of {0} suits them");

        // ---- the introduction to the organisation
        put("interest.subject", "{0} est intéressé·e par votre mission «\u00a0{1}\u00a0»", "{0} is interested in your mission \"{1}\"");
        put("interest.intro", "{0} souhaite travailler sur votre mission «\u00a0{1}\u00a0». Voici son profil. Répondez simplement à cet email pour lui écrire.",
                "{0} would like to work on your mission \"{1}\". Here is their profile. Just reply to this email to write to them.");
        put("interest.profile", "Son profil", "Their profile");
        put("interest.why", "Pourquoi nous lui avons proposé votre mission", "Why we proposed your mission to them");
        put("interest.action", "Écrire à {0}", "Write to {0}");
        put("interest.outro", "Nous ne transmettons jamais le tarif minimum d'un·e freelance : c'est à vous deux d'en discuter.",
                "We never pass on a freelancer's minimum rate: that is for the two of you to discuss.");
        put("field.email", "Email", "Email");
        put("field.headline", "Accroche", "Headline");
        put("field.bio", "Présentation", "About");
        put("field.skills", "Compétences", "Skills");
        put("field.causes", "Causes qui lui tiennent à cœur", "Causes they care about");
        put("field.dailyRate", "Tarif journalier habituel", "Usual day rate");
        put("field.availability", "Disponibilité", "Availability");
        put("field.languages", "Langues", "Languages");
        put("field.portfolio", "Portfolio", "Portfolio");
        put("availability.both", "{0}, à partir du {1}", "{0}, from {1}");
        put("availability.from", "à partir du {0}", "from {0}");

        // ---- the freelancer's confirmation
        put("interestAck.subject", "Votre intérêt a été transmis : «\u00a0{0}\u00a0»", "We passed on your interest: \"{0}\"");
        put("interestAck.intro", "{0} a reçu votre contact pour la mission «\u00a0{1}\u00a0». L'organisation vous écrira directement ; répondez-lui depuis votre messagerie.",
                "{0} has received your contact for the mission \"{1}\". The organisation will write to you directly; answer from your own mailbox.");
        put("interestAck.shared", "Voici exactement ce qui lui a été transmis", "This is exactly what they received");
        put("interestAck.reasons", "Et, pour dire pourquoi vous lui correspondez :", "And, to say why you fit:");
        put("interestAck.notShared", "Votre tarif minimum et votre code postal n'ont pas été transmis.",
                "Your minimum rate and your postal code were not passed on.");
        put("interestAck.action", "Voir ou modifier mon profil", "View or edit my profile");

        // ---- what matching did, for the organisation
        put("report.subject.some", "Votre mission «\u00a0{0}\u00a0» a été proposée à {1}", "Your mission \"{0}\" was proposed to {1}");
        put("report.subject.none", "Personne ne correspond encore à votre mission «\u00a0{0}\u00a0»", "Nobody fits your mission \"{0}\" yet");
        put("report.some", "Nous avons proposé votre mission «\u00a0{0}\u00a0» à {1} dont le profil lui correspond. Chaque personne intéressée vous sera présentée par email, avec son profil et son contact.",
                "We proposed your mission \"{0}\" to {1} whose profile fits it. Each person who is interested will be introduced to you by email, with their profile and contact.");
        put("report.deferred", "{0} de plus la recevront dans les prochains jours : nous n'envoyons pas plus de quelques propositions par semaine à chaque personne.",
                "{0} more will receive it in the coming days: we send each person only a few proposals a week.");
        put("report.none", "Nous n'avons encore trouvé personne à qui proposer votre mission «\u00a0{0}\u00a0». Voici pourquoi, et ce qui élargirait la recherche.",
                "We have not yet found anyone to propose your mission \"{0}\" to. Here is why, and what would widen the search.");
        put("report.none.later", "La mission reste ouverte : chaque nouveau profil qui lui correspond la recevra.",
                "The mission stays open: every new profile that fits it will receive it.");
        put("report.why.skills", "Aucun·e freelance inscrit·e ne propose {0}.", "No registered freelancer offers {0}.");
        put("report.widen.skills", "Nommez aussi une compétence voisine plus courante (par exemple «\u00a0WordPress\u00a0» plutôt qu'un outil précis).",
                "Also name a nearby, more common skill (for example \"WordPress\" rather than one precise tool).");
        put("report.why.pay", "{0} est en dessous de ce que demandent la plupart des freelances qui ont ces compétences : la moitié d'entre eux demande au moins {1}.",
                "{0} is below what most freelancers with these skills ask: half of them ask at least {1}.");
        put("report.widen.pay", "Un budget d'environ {0}, ou moins de jours pour le même budget, élargirait nettement le choix.",
                "A budget of about {0}, or fewer days for the same budget, would widen the choice a lot.");
        put("report.why.proBono", "Peu de freelances qui ont ces compétences acceptent les missions pro bono.",
                "Few freelancers with these skills accept pro bono missions.");
        put("report.widen.proBono", "Même un petit budget ouvrirait la mission à bien plus de monde.",
                "Even a small budget would open the mission to many more people.");
        put("report.why.place", "La mission se fait sur place en {0}, où peu de freelances qui ont ces compétences peuvent se rendre.",
                "The mission is on site in {0}, where few freelancers with these skills can go.");
        put("report.widen.place", "L'ouvrir au travail à distance, même en partie (hybride), l'ouvrirait à toute la France.",
                "Opening it to remote work, even in part (hybrid), would open it to all of France.");
        put("report.why.time", "Les freelances qui ont ces compétences ne sont disponibles qu'après le début de la mission, le {0}.",
                "The freelancers with these skills are available only after the mission starts, on {0}.");
        put("report.widen.time", "Une date de début plus tardive leur laisserait le temps.",
                "A later start date would give them time.");
        put("report.action", "Gérer ma mission", "Manage my mission");
        NoticeTexts.into(EmailTexts::put);
    }
}
