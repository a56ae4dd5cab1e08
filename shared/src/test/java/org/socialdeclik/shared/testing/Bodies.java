package org.socialdeclik.shared.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.socialdeclik.shared.Json;

/** Builders of request bodies that pass validation; tests change the one field they are about. */
public final class Bodies {
    private Bodies() {}

    public static ObjectNode mission() {
        ObjectNode m = Json.object();
        m.put("title", "Refonte du site WordPress de l'association");
        m.put("description", "Notre site date de 2015 ...");
        ObjectNode org = m.putObject("organization");
        org.put("name", "Les Jardins Partagés");
        org.put("type", "ASSOCIATION");
        org.put("email", "contact@jardins.example");
        org.put("website", "https://jardins.example");
        m.putArray("skills").add("WordPress").add("UX design");
        m.putArray("causes").add("environnement");
        m.putObject("location").put("department", "35");
        m.put("workMode", "REMOTE");
        m.put("budget", 3000);
        m.put("estimatedDays", 6);
        m.put("proBono", false);
        m.put("startDate", "2030-02-01");
        m.put("applicationDeadline", "2030-01-20");
        m.put("locale", "fr");
        return m;
    }

    public static ObjectNode profile(String email) {
        ObjectNode p = Json.object();
        p.put("email", email);
        p.put("firstName", "Ana");
        p.put("lastName", "Martin");
        p.put("headline", "Développeuse WordPress");
        p.put("bio", "Dix ans de sites associatifs.");
        p.putArray("skills").add("WordPress").add("référencement naturel");
        p.putArray("causes").add("environnement").add("solidarité et inclusion");
        p.putObject("location").put("postalCode", "35000");
        p.put("mobility", "REGION");
        p.put("remote", true);
        p.put("dailyRate", 450);
        p.put("minimumRate", 300);
        p.put("proBono", false);
        ObjectNode availability = p.putObject("availability");
        availability.put("daysPerMonth", 4);
        availability.put("from", "2030-01-04");
        p.putArray("languages").add("fr").add("en");
        p.put("locale", "fr");
        p.put("consent", true);
        return p;
    }

    /** A mission whose description alone exceeds 64 KiB. */
    public static ObjectNode bigMission() {
        ObjectNode m = mission();
        m.put("description", "x".repeat(70 * 1024));
        return m;
    }
}
