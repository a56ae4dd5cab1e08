package org.socialdeclik.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailLedgerTest {
    private static final String MANAGE = "Gérer : http://127.0.0.1:8080/manage-mission?mission=m-1&token=t.1";

    @Test
    void theMatchingReportIsItsOwnItemBesideTheConfirmationThoughBothLinkToTheMissionPage() {
        EmailLedger.Classified confirmation = EmailLedger.classify(List.of("org@example.org"),
                "Nous avons bien reçu votre mission «\u00a0Soudure\u00a0»", MANAGE);
        EmailLedger.Classified report = EmailLedger.classify(List.of("org@example.org"),
                "Votre mission «\u00a0Soudure\u00a0» a été proposée à 3 freelances", MANAGE);
        EmailLedger.Classified nobody = EmailLedger.classify(List.of("org@example.org"),
                "Nobody fits your mission \"Welding\" yet", MANAGE);

        assertThat(confirmation.item()).isEqualTo(new EmailLedger.Item(EmailLedger.Kind.CONFIRMATION,
                "org@example.org", "m-1"));
        assertThat(report.item()).isEqualTo(new EmailLedger.Item(EmailLedger.Kind.REPORT, "org@example.org", "m-1"));
        assertThat(nobody.item().kind()).isEqualTo(EmailLedger.Kind.REPORT);
        assertThat(report.token()).isEqualTo("t.1");
    }
}
