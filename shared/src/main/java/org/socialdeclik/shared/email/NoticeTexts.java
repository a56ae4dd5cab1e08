package org.socialdeclik.shared.email;

/**
 * The sentences of the loop after the first email (issue 11): a mission closed, the reminders to
 * the organisation, "still available?". French then English, as in {@link EmailTexts}.
 */
final class NoticeTexts {
    interface Put {
        void put(String key, String fr, String en);
    }

    private NoticeTexts() {}

    static void into(Put put) {
        // ---- to a freelancer who said they were interested: the mission closed
        put.put("closed.subject", "La mission «\u00a0{0}\u00a0» est close", "The mission \"{0}\" is closed");
        put.put("closed.filled", "{1} nous a dit que la mission «\u00a0{0}\u00a0», qui vous intéressait, est pourvue.",
                "{1} told us that the mission \"{0}\", which you were interested in, has been filled.");
        put.put("closed.cancelled", "{1} nous a dit que la mission «\u00a0{0}\u00a0», qui vous intéressait, ne se fera finalement pas.",
                "{1} told us that the mission \"{0}\", which you were interested in, will not go ahead after all.");
        put.put("closed.other", "La mission «\u00a0{0}\u00a0» de {1}, qui vous intéressait, est close : elle ne reçoit plus de candidatures.",
                "The mission \"{0}\" of {1}, which you were interested in, is closed: it takes no more applications.");
        put.put("closed.thanks", "Merci de votre intérêt. Nous continuons de vous proposer les missions qui vous correspondent.",
                "Thank you for your interest. We keep proposing you the missions that fit you.");
        put.put("closed.action", "Voir mon profil et mes missions", "See my profile and missions");

        // ---- to the organisation, FOLLOW_UP_DAYS after the first interest
        put.put("followUp.subject", "Où en est votre mission «\u00a0{0}\u00a0» ?", "How is your mission \"{0}\" going?");
        put.put("followUp.intro", "Votre mission «\u00a0{0}\u00a0» intéresse {1}. Vous avez reçu le profil et le contact de chacun :",
                "Your mission \"{0}\" interests {1}. You received each one's profile and contact:");
        put.put("followUp.ask", "Avez-vous trouvé la bonne personne ? Répondez-leur, et fermez la mission en nous disant comment elle s'est conclue : chacun en sera prévenu.",
                "Have you found the right person? Answer them, and close the mission telling us how it ended: each of them will be told.");

        // ---- to the organisation, at the deadline (or the start date)
        put.put("lastNotice.subject", "Dernier rappel pour votre mission «\u00a0{0}\u00a0»", "Last reminder for your mission \"{0}\"");
        put.put("lastNotice.intro", "Votre mission «\u00a0{0}\u00a0» arrive à sa date limite, le {1}. Sans nouvelle de votre part, elle sera fermée d'elle-même le {2}.",
                "Your mission \"{0}\" reaches its deadline on {1}. Unless we hear from you, it will close by itself on {2}.");
        put.put("lastNotice.interest", "Elle intéresse {0}.", "It interests {0}.");
        put.put("lastNotice.ask", "Dites-nous comment elle s'est conclue en la fermant : pourvue grâce à Social Declik, pourvue autrement ou abandonnée.",
                "Tell us how it ended by closing it: filled through Social Declik, filled another way, or not going ahead.");

        // ---- to a freelancer: still available? and paused
        put.put("availability.subject", "Toujours disponible ?", "Still available?");
        put.put("availability.intro", "Nous n'avons pas eu de vos nouvelles depuis {0}. Êtes-vous toujours disponible pour des missions ?",
                "We have not heard from you for {0}. Are you still available for missions?");
        put.put("availability.pauseHint", "Si vous n'êtes pas disponible en ce moment, mettez votre profil en pause : nous ne vous proposerons rien jusqu'au {0}.",
                "If you are not available now, pause your profile: we will propose you nothing until {0}.");
        put.put("availability.noAnswer", "Sans réponse d'ici le {0}, votre profil sera mis en pause.",
                "Without an answer by {0}, your profile will be paused.");
        put.put("availability.yes", "Je suis disponible", "I am available");
        put.put("availability.pause", "Mettre en pause", "Pause my profile");
        put.put("paused.subject", "Votre profil est en pause", "Your profile is paused");
        put.put("paused.intro", "Sans réponse de votre part, nous avons mis votre profil en pause : nous ne vous proposons plus de missions.",
                "As we had no answer, we paused your profile: we propose you no more missions.");
        put.put("paused.resume", "Vous êtes de nouveau disponible ? Un clic suffit, et les missions ouvertes qui vous correspondent vous seront envoyées.",
                "Available again? One click is enough, and the open missions that fit you will be sent to you.");
        put.put("paused.action", "Reprendre les propositions", "Resume proposals");
    }
}
